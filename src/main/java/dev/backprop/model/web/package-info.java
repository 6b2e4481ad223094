/** HTTP endpoints for defining models and reading their trained versions. */
package dev.backprop.model.web;
