/** HTTP endpoints for uploading, browsing and deleting datasets. */
package dev.backprop.dataset.web;
