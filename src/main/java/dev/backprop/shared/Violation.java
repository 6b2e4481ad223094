package dev.backprop.shared;

/**
 * One thing wrong with a request, located by a JSON path ({@code $.layers[1].units}) or a column name.
 */
public record Violation(String path, String message) {
}
