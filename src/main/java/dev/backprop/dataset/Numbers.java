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
        double d = parseDouble(value);
        return Double.isNaN(d) ? null : d;
    }

    /**
     * Like {@link #parse(String)} without boxing: the finite number a cell holds, or NaN when it is not one. Training
     * parses every cell of a numeric column with this (MNIST: 7.8 million of them).
     */
    public static double parseDouble(String value) {
        if (value == null || value.isEmpty()) {
            return Double.NaN;
        }
        double simple = shortDecimal(value);
        if (!Double.isNaN(simple)) {
            return simple;
        }
        if (!isDecimal(value)) {
            return Double.NaN;
        }
        try {
            // Jackson's FastDoubleParser: correctly rounded like Double.parseDouble, in a fraction of the time.
            double d = NumberInput.parseDouble(value, true);
            return Double.isFinite(d) ? d : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15};

    /**
     * A decimal without exponent of at most 15 digits ("0", "255", "-3.25", "0.624"), or NaN when the text is not one.
     * Such a number is m ÷ 10^k with both exact as doubles, and one IEEE division rounds correctly (Clinger's fast
     * path), so the result is exactly what {@link Double#parseDouble} gives: most cells of pixel, count, price and code
     * columns never reach the general parser.
     */
    static double shortDecimal(String value) {
        int n = value.length();
        char first = value.charAt(0);
        int i = first == '-' || first == '+' ? 1 : 0;
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (isDigit(c)) {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                fractionDigits += point ? 1 : 0;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        double magnitude = mantissa / POWERS_OF_TEN[fractionDigits];
        return first == '-' ? -magnitude : magnitude;
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
        // 0/1 first, without the lower-casing: MNIST's always-blank border pixels are 0/1 columns, 600,000 cells of them.
        if (value.length() == 1 && (value.charAt(0) == '0' || value.charAt(0) == '1')) {
            return value.charAt(0) == '1';
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("yes")) {
            return true;
        }
        return parseDouble(value) == 1.0;
    }
}
