package dev.backprop.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One layer as the course draws it: sizes in and out (and image shapes [height, width, channels] around
 * convolutions), the weight matrix or filter bank ([height, width, in channels, filters]), the bias, and what it
 * costs in parameters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerShape(
        int index,
        String type,
        String activation,
        Double dropoutRate,
        int inputSize,
        int outputSize,
        int[] inputShape,
        int[] outputShape,
        int[] kernel,
        int[] stride,
        int[] weightShape,
        Integer biasSize,
        long parameters) {
}
