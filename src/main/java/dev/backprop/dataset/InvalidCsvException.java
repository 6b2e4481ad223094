package dev.backprop.dataset;

import java.util.List;

import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;

/** The uploaded file is not a CSV we can use; the message says where and how to fix it. */
public class InvalidCsvException extends InvalidRequestException {

    public InvalidCsvException(String message) {
        super(message, List.of(new Violation("file", message)));
    }
}
