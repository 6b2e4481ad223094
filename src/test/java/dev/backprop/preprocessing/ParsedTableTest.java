package dev.backprop.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.backprop.dataset.CsvTable;
import dev.backprop.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ParsedTableTest {

    private static final List<String> COLUMNS = List.of("x", "colour");
    private static final List<String[]> ROWS = List.of(new String[] {"1.5", "red"}, new String[] {null, "blue"});

    @Test
    void numbersTheTableAlreadyKnowsAreUsedAsTheyAre() {
        double[] known = {1.5, Double.NaN};

        ParsedTable table = new ParsedTable(new CsvTable(COLUMNS, ROWS, Map.of(0, known)));

        assertThat(table.numbers(0)).isSameAs(known);
    }

    @Test
    void columnsItDoesNotKnowAreParsedAndRefusedAsBefore() {
        ParsedTable table = new ParsedTable(new CsvTable(COLUMNS, ROWS, Map.of(0, new double[] {1.5, Double.NaN})));

        assertThat(new ParsedTable(new CsvTable(COLUMNS, ROWS)).numbers(0)).containsExactly(1.5, Double.NaN);
        assertThatThrownBy(() -> table.numbers(1)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'red' (data row 1) is not a number; column 'colour' is numeric");
    }

    @Test
    void booleansOfAColumnWhoseNumbersAreKnownAreWhatEachCellWouldSay() {
        String[] cells = {"0", "1", "1.0", "0.0", null, "2", "-1", "1e0"};
        List<String[]> rows = java.util.Arrays.stream(cells).map(cell -> new String[] {cell}).toList();
        double[] known = java.util.Arrays.stream(cells)
                .mapToDouble(cell -> cell == null ? Double.NaN : Double.parseDouble(cell)).toArray();

        double[] fromNumbers = new ParsedTable(new CsvTable(List.of("flag"), rows, Map.of(0, known))).booleans(0);
        double[] fromCells = new ParsedTable(new CsvTable(List.of("flag"), rows)).booleans(0);

        assertThat(fromNumbers).containsExactly(0, 1, 1, 0, Double.NaN, 0, 0, 1);
        assertThat(fromNumbers).containsExactly(fromCells);
    }
}
