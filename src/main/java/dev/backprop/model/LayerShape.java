package dev.backprop.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One layer as the course draws it: sizes in and out, the weight matrix and bias, and what it costs in parameters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerShape(
        int index,
        String type,
        String activation,
        Double dropoutRate,
        int inputSize,
        int outputSize,
        int[] weightShape,
        Integer biasSize,
        long parameters) {
}
