/** Predictions from raw feature values with a trained version, served from an in-memory cache of loaded networks. */
package dev.backprop.prediction;
