package dev.backprop.shared.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Renders Jackson's location of a bad value as a JSON path such as {@code $.layers[1].units}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder("$");
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append('.').append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
