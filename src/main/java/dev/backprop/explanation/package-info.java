/** Why a model predicts what it does: permutation feature importance on the held-out part. */
package dev.backprop.explanation;
