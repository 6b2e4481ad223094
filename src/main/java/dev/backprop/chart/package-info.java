/** Pictures of training and evaluation (loss and accuracy curves, ROC curve, confusion matrix) as PNG or SVG, drawn with XChart. */
package dev.backprop.chart;
