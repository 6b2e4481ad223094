/**
 * The only door to Deeplearning4j/ND4J: builds networks from designs, trains them, evaluates and serialises
 * them, and runs inference. Everything else speaks plain Java types.
 */
package dev.backprop.engine;
