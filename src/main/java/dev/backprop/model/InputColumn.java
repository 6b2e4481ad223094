package dev.backprop.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How one raw column feeds the network: its encoding and how many inputs it becomes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputColumn(String column, String encoding, int inputs, List<String> levels) {
}
