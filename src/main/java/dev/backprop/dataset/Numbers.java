package dev.backprop.dataset;

import java.util.Locale;
import java.util.regex.Pattern;

/** Parsing of numeric cells, shared by schema inference and the feature encoders. */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** The finite number a cell holds, or {@code null} when it is not one (NaN and infinities are not numbers here). */
    public static Double parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            return null;
        }
        try {
            double d = Double.parseDouble(value);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a boolean cell (0/1, true/false, yes/no) means true. */
    public static boolean isTrue(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes")) {
            return true;
        }
        Double number = parse(value);
        return number != null && number == 1.0;
    }
}
