package dev.backprop.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;

import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.Numbers;

/** Comparisons of whole tables, cell by cell: a table loaded from its snapshot against the CSV's parse. */
public final class TableAssertions {

    private TableAssertions() {
    }

    /** Same header, same cells (nulls included), and numbers exactly where {@link Numbers#parseDouble} finds them. */
    public static void assertSameTable(CsvTable loaded, CsvTable parsed) {
        assertSameCells(loaded, parsed);
        assertNumbersOfNumericColumns(loaded, parsed);
    }

    /** Same header and same cells, nulls included, whether read row by row or cell by cell. */
    public static void assertSameCells(CsvTable loaded, CsvTable parsed) {
        assertThat(loaded.columns()).isEqualTo(parsed.columns());
        assertThat(loaded.rows()).hasSameSizeAs(parsed.rows());
        for (int r = 0; r < parsed.rows().size(); r++) {
            if (!Arrays.equals(loaded.rows().get(r), parsed.rows().get(r))) {
                fail("Row " + r + ": " + Arrays.toString(loaded.rows().get(r)) + " instead of "
                        + Arrays.toString(parsed.rows().get(r)));
            }
            for (int c = 0; c < parsed.columns().size(); c++) {
                if (!java.util.Objects.equals(loaded.cell(r, c), parsed.rows().get(r)[c])) {
                    fail("Cell (" + r + ", " + c + "): " + loaded.cell(r, c) + " instead of " + parsed.rows().get(r)[c]);
                }
            }
        }
    }

    private static void assertNumbersOfNumericColumns(CsvTable loaded, CsvTable parsed) {
        for (int c = 0; c < parsed.columns().size(); c++) {
            double[] expected = new double[parsed.rows().size()];
            boolean numeric = true;
            for (int r = 0; r < expected.length; r++) {
                String cell = parsed.rows().get(r)[c];
                expected[r] = Numbers.parseDouble(cell);
                numeric &= cell == null || !Double.isNaN(expected[r]);
            }
            double[] known = loaded.numericColumns().get(c);
            if (!numeric) {
                assertThat(known).as("numbers of column %d, which has a text", c).isNull();
                continue;
            }
            assertThat(known).as("numbers of column %d", c).isNotNull().hasSize(expected.length);
            for (int r = 0; r < expected.length; r++) {
                if (Double.doubleToRawLongBits(known[r]) != Double.doubleToRawLongBits(expected[r])) {
                    fail("Column " + c + ", row " + r + ": " + known[r] + " instead of " + expected[r]);
                }
            }
        }
    }
}
