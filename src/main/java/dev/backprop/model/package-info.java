/** Model definitions (validated against their dataset, drawn as layers) and their trained versions. */
package dev.backprop.model;
