/** End-to-end journeys over real HTTP with real data, as a user would make them. */
package dev.backprop.journey;
