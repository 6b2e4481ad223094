/** Every option a definition can take, trained for real and predicted from after a reload. */
package dev.backprop.catalogue;
