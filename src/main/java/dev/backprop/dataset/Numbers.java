package dev.backprop.dataset;

import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.core.io.NumberInput;

/** Parsing of numeric cells, shared by schema inference and the feature encoders. */
public final class Numbers {

    static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Numbers() {
    }

    /** The finite number a cell holds, or {@code null} when it is not one (NaN and infinities are not numbers here). */
    public static Double parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!isDecimal(value)) {
            return null;
        }
        try {
            // Jackson's FastDoubleParser: correctly rounded like Double.parseDouble, in a fraction of the time.
            double d = NumberInput.parseDouble(value, true);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether the text matches {@link #DECIMAL} — written out by hand because this runs for every cell of every
     * upload, training and prediction, where the regular expression cost more than the parsing itself.
     */
    static boolean isDecimal(String value) {
        int n = value.length();
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int integerDigits = 0;
        while (i < n && isDigit(value.charAt(i))) {
            i++;
            integerDigits++;
        }
        int fractionDigits = 0;
        if (i < n && value.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(value.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
