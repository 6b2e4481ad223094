package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

    private static final int CAP = 1_000;

    /** A table with one column per argument array; {@code null} is a missing cell. */
    private static CsvTable table(List<String> columns, String[]... columnValues) {
        int rows = columnValues[0].length;
        List<String[]> data = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String[] row = new String[columnValues.length];
            for (int c = 0; c < columnValues.length; c++) {
                row[c] = columnValues[c][r];
            }
            data.add(row);
        }
        return new CsvTable(columns, data);
    }

    private static ColumnSchema single(String... values) {
        return SchemaInference.infer(table(List.of("x"), values), CAP).columns().get(0);
    }

    @Test
    void columnOfFiniteNumbersIsNumeric() {
        assertThat(single("1", "2.5", "-3", "1e3", ".5").type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void zeroOneColumnIsBoolean() {
        assertThat(single("0", "1", "1", "0").type()).isEqualTo(ColumnType.BOOLEAN);
    }

    @Test
    void trueFalseAndYesNoColumnsAreBooleanWhateverTheirCase() {
        assertThat(single("true", "false", "true").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(single("Yes", "No").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(single("yes", "yes").type()).isEqualTo(ColumnType.BOOLEAN);
    }

    @Test
    void numbersOtherThanZeroAndOneMakeANumericColumn() {
        assertThat(single("0", "1", "2").type()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void textOrMixedValuesMakeACategoricalColumn() {
        assertThat(single("red", "green", "red").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(single("1", "2", "three").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(single("yes", "no", "maybe").type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(single("NaN", "1").type()).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void categoricalColumnHasNoNumericStatistics() {
        ColumnSchema column = single("red", "green", "red");

        assertThat(column.min()).isNull();
        assertThat(column.max()).isNull();
        assertThat(column.mean()).isNull();
        assertThat(column.std()).isNull();
    }

    @Test
    void columnWithOnlyMissingValuesIsCategoricalWithoutLevels() {
        ColumnSchema column = single(null, null, null);

        assertThat(column.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(column.missing()).isEqualTo(3);
        assertThat(column.distinct()).isZero();
        assertThat(column.levels()).isEmpty();
    }

    @Test
    void missingValuesAreCountedAndDoNotDecideTheType() {
        ColumnSchema numeric = single("3", null, "4", null, null);
        ColumnSchema categorical = single(null, "a");

        assertThat(numeric.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(numeric.missing()).isEqualTo(3);
        assertThat(categorical.missing()).isEqualTo(1);
    }

    @Test
    void numericStatisticsMatchHandComputedValues() {
        // 2 4 4 4 5 5 7 9: mean 5, squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7.
        ColumnSchema column = single("2", "4", "4", null, "4", "5", "5", "7", "9");

        assertThat(column.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(column.missing()).isEqualTo(1);
        assertThat(column.distinct()).isEqualTo(5);
        assertThat(column.min()).isEqualTo(2.0);
        assertThat(column.max()).isEqualTo(9.0);
        assertThat(column.mean()).isCloseTo(5.0, within(1e-12));
        assertThat(column.std()).isCloseTo(2.1380899352993950, within(1e-12));
    }

    @Test
    void singleNumericValueHasZeroStandardDeviation() {
        ColumnSchema column = single("-1.5", null);

        assertThat(column.mean()).isEqualTo(-1.5);
        assertThat(column.std()).isZero();
    }

    @Test
    void zeroOneBooleanColumnCarriesNumericStatistics() {
        // 1 1 1 0: mean 0.75, squared deviations 3 × 0.0625 + 0.5625 = 0.75, sample variance 0.25.
        ColumnSchema column = single("1", "1", "0", "1");

        assertThat(column.min()).isEqualTo(0.0);
        assertThat(column.max()).isEqualTo(1.0);
        assertThat(column.mean()).isCloseTo(0.75, within(1e-12));
        assertThat(column.std()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void levelsAreSortedByValueWithTheirCounts() {
        ColumnSchema column = single("pear", "apple", null, "fig", "apple", "pear", "apple");

        assertThat(column.levels()).containsExactly(
                new LevelCount("apple", 3), new LevelCount("fig", 1), new LevelCount("pear", 2));
        assertThat(column.levelValues()).containsExactly("apple", "fig", "pear");
        assertThat(column.distinct()).isEqualTo(3);
        assertThat(column.levelsTruncated()).isFalse();
        assertThat(column.hasLevel("fig")).isTrue();
        assertThat(column.hasLevel("plum")).isFalse();
    }

    @Test
    void levelsAreTruncatedAtTheCapButDistinctCountsThemAll() {
        CsvTable table = table(List.of("x"), new String[] {"d", "b", "a", "c", "e", "a"});

        ColumnSchema column = SchemaInference.infer(table, 3).columns().get(0);

        assertThat(column.levelsTruncated()).isTrue();
        assertThat(column.levels()).containsExactly(
                new LevelCount("a", 2), new LevelCount("b", 1), new LevelCount("c", 1));
        assertThat(column.distinct()).isEqualTo(5);
    }

    @Test
    void levelsAreNotTruncatedWhenDistinctValuesEqualTheCap() {
        CsvTable table = table(List.of("x"), new String[] {"b", "a", "c"});

        ColumnSchema column = SchemaInference.infer(table, 3).columns().get(0);

        assertThat(column.levelsTruncated()).isFalse();
        assertThat(column.levels()).hasSize(3);
    }

    @Test
    void schemaListsColumnsInFileOrderWithRowCount() {
        CsvTable table = table(List.of("n", "b", "c"),
                new String[] {"1.5", "2", "3"},
                new String[] {"yes", "no", "yes"},
                new String[] {"x", "y", null});

        DatasetSchema schema = SchemaInference.infer(table, CAP);

        assertThat(schema.rows()).isEqualTo(3);
        assertThat(schema.columnNames()).containsExactly("n", "b", "c");
        assertThat(schema.columns()).extracting(ColumnSchema::type)
                .containsExactly(ColumnType.NUMERIC, ColumnType.BOOLEAN, ColumnType.CATEGORICAL);
        assertThat(schema.column("c")).get().extracting(ColumnSchema::missing).isEqualTo(1L);
        assertThat(schema.column("nope")).isEmpty();
    }

    @Test
    void infersTheTitanicTrainingFile() throws IOException {
        byte[] bytes;
        try (InputStream in = SchemaInferenceTest.class.getResourceAsStream("/data/titanic/train.csv")) {
            assertThat(in).as("train.csv on the test classpath").isNotNull();
            bytes = in.readAllBytes();
        }

        DatasetSchema schema = SchemaInference.infer(CsvReader.read(bytes), CAP);

        assertThat(schema.rows()).isEqualTo(891);
        ColumnSchema age = schema.column("Age").orElseThrow();
        assertThat(age.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(age.missing()).isEqualTo(177);
        assertThat(age.min()).isEqualTo(0.42);
        assertThat(age.max()).isEqualTo(80.0);
        assertThat(age.mean()).isCloseTo(29.699117647058824, within(1e-9));
        assertThat(age.std()).isCloseTo(14.526497332334042, within(1e-9));

        ColumnSchema sex = schema.column("Sex").orElseThrow();
        assertThat(sex.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(sex.levels()).containsExactly(new LevelCount("female", 314), new LevelCount("male", 577));

        ColumnSchema survived = schema.column("Survived").orElseThrow();
        assertThat(survived.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(survived.levels()).containsExactly(new LevelCount("0", 549), new LevelCount("1", 342));

        ColumnSchema embarked = schema.column("Embarked").orElseThrow();
        assertThat(embarked.type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(embarked.missing()).isEqualTo(2);
        assertThat(embarked.levelValues()).containsExactly("C", "Q", "S");

        assertThat(schema.column("Pclass").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(schema.column("Cabin").orElseThrow().missing()).isEqualTo(687);
    }
}
