package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A yes/no column carries the same 0/1 statistics as a 0/1 column. */
class SchemaInferenceBooleanWordsTest {

    @Test
    void yesNoBooleanColumnCarriesNumericStatisticsLikeAZeroOneColumn() {
        CsvTable table = new CsvTable(List.of("x"),
                List.of(new String[] {"yes"}, new String[] {"yes"}, new String[] {"no"}, new String[] {"yes"}));

        ColumnSchema column = SchemaInference.infer(table, 1_000).columns().get(0);

        assertThat(column.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(column.min()).isEqualTo(0.0);
        assertThat(column.max()).isEqualTo(1.0);
        assertThat(column.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(column.std()).isCloseTo(0.5, within(1e-12));
    }
}
