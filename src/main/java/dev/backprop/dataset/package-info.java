/** Uploaded CSV files: parsed once, schema inferred, raw bytes and schema stored durably. */
package dev.backprop.dataset;
