/** Metric values reported for trained models (computed by the engine with DL4J's evaluation classes). */
package dev.backprop.evaluation;
