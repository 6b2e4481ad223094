/** HTTP endpoints that serve the charts of trained versions and training jobs. */
package dev.backprop.chart.web;
