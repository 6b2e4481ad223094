/** HTTP endpoints to start, watch and cancel training jobs. */
package dev.backprop.training.web;
