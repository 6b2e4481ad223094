/** Turning raw CSV values into the numbers a network sees — fitted once on the training part, stored, replayed at prediction. */
package dev.backprop.preprocessing;
