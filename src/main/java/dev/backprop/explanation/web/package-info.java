/** HTTP endpoints for a version's feature importance. */
package dev.backprop.explanation.web;
