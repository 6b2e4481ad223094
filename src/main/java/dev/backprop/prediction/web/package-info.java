/** HTTP endpoints for single-row (GET) and batch (JSON or CSV) predictions. */
package dev.backprop.prediction.web;
