package dev.backprop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.zip.GZIPOutputStream;

import dev.backprop.shared.TooLargeException;
import dev.backprop.shared.Violation;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static CsvTable read(String text) {
        return CsvReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsHeaderAndRowsInFileOrder() {
        CsvTable table = read("a,b,c\n1,2,3\n4,5,6\n");

        assertThat(table.columns()).containsExactly("a", "b", "c");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsExactly("1", "2", "3");
        assertThat(table.rows().get(1)).containsExactly("4", "5", "6");
        assertThat(table.columnIndex("c")).isEqualTo(2);
    }

    @Test
    void quotedFieldsMayContainCommasQuotesAndNewlines() {
        CsvTable table = read("name,note\n"
                + "\"Braund, Mr. Owen\",\"said \"\"hi\"\"\"\n"
                + "\"two\nlines\",plain\n");

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsExactly("Braund, Mr. Owen", "said \"hi\"");
        assertThat(table.rows().get(1)).containsExactly("two\nlines", "plain");
    }

    @Test
    void crlfLineEndingsLeaveNoCarriageReturnsInValues() {
        CsvTable table = read("a,b\r\n1,2\r\n3,4\r\n");

        assertThat(table.columns()).containsExactly("a", "b");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsExactly("1", "2");
        assertThat(table.rows().get(1)).containsExactly("3", "4");
    }

    @Test
    void utf8ByteOrderMarkIsStrippedFromFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);

        CsvTable table = CsvReader.read(bytes);

        assertThat(table.columns()).containsExactly("id", "name");
        assertThat(table.columnIndex("id")).isZero();
        assertThat(table.rows().get(0)).containsExactly("1", "Zoë");
    }

    @Test
    void emptyCellsBecomeMissing() {
        CsvTable table = read("a,b,c\n,x,\n\"\",  ,z\n");

        assertThat(table.rows().get(0)).containsExactly(null, "x", null);
        assertThat(table.rows().get(1)).containsExactly(null, null, "z");
    }

    @Test
    void raggedRowIsRefusedWithMessageNamingTheRow() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3\n4,5\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("Row 3 (line 3)")
                .hasMessageContaining("has 1 fields but the header has 2")
                .satisfies(e -> assertThat(((InvalidCsvException) e).violations())
                        .extracting(Violation::path).containsExactly("file"));
    }

    @Test
    void raggedRowAfterMultiLineFieldIsLocatedByItsPhysicalLine() {
        assertThatThrownBy(() -> read("a,b\n\"x\ny\",2\n3\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("Row 3 (line 4)");
    }

    @Test
    void rowWithTooManyFieldsIsRefused() {
        assertThatThrownBy(() -> read("a,b\n1,2,3\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("Row 2")
                .hasMessageContaining("has 3 fields but the header has 2");
    }

    @Test
    void duplicateColumnNameIsRefused() {
        assertThatThrownBy(() -> read("a,b,a\n1,2,3\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("'a' twice");
    }

    @Test
    void columnNamesThatDifferOnlyBySurroundingSpacesAreDuplicates() {
        assertThatThrownBy(() -> read("a, a\n1,2\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("'a' twice");
    }

    @Test
    void emptyColumnNameIsRefused() {
        assertThatThrownBy(() -> read("a,,c\n1,2,3\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("Column 2 of the header has no name");
    }

    @Test
    void headerWithoutDataRowsIsRefused() {
        assertThatThrownBy(() -> read("a,b\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("no data rows");
    }

    @Test
    void emptyFileIsRefused() {
        assertThatThrownBy(() -> CsvReader.read(new byte[0]))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void fileOfBlankLinesIsEmpty() {
        assertThatThrownBy(() -> read("\n\n\r\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] bytes = {'a', ',', 'b', '\n', (byte) 0xC3, (byte) 0x28, ',', '1', '\n'};

        assertThatThrownBy(() -> CsvReader.read(bytes))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void unbalancedQuoteIsRefused() {
        assertThatThrownBy(() -> read("a,b\n\"1,2\n3,4\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("not valid CSV")
                .hasMessageContaining("quotes are balanced");
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsJustACharacter() {
        CsvTable table = read("name,height\nAnn,5'11\"\nBob,6'\nCid, \"5'2\"\" \"\n");

        assertThat(table.rows()).extracting(row -> row[1]).containsExactly("5'11\"", "6'", "5'2\"");
    }

    @Test
    void aQuoteInsideAnUnquotedValueDoesNotMakeTheRestOfTheFileOneLongRow() {
        StringBuilder csv = new StringBuilder("name,height\nAnn,5'11\"\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("row").append(i).append(",1\n");
        }
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        CsvReader.stream(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), 100, Long.MAX_VALUE,
                columns -> { }, row -> rows.add(row));

        assertThat(rows).hasSize(2_001);
    }

    @Test
    void aQuotedFieldLeftOpenInTheLastRowIsRefused() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"4\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("a quoted field is never closed");
    }

    @Test
    void blankLinesBetweenRowsAreIgnored() {
        CsvTable table = read("a,b\n1,2\n\n3,4\n");

        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(1)).containsExactly("3", "4");
    }

    @Test
    void readsTheTitanicTrainingFile() throws IOException {
        byte[] bytes;
        try (InputStream in = CsvReaderTest.class.getResourceAsStream("/data/titanic/train.csv")) {
            assertThat(in).as("train.csv on the test classpath").isNotNull();
            bytes = in.readAllBytes();
        }

        CsvTable table = CsvReader.read(bytes);

        assertThat(table.rows()).hasSize(891);
        assertThat(table.columns()).hasSize(12).startsWith("PassengerId", "Survived", "Pclass", "Name");
        String[] first = table.rows().get(0);
        assertThat(first[table.columnIndex("Name")]).isEqualTo("Braund, Mr. Owen Harris");
        assertThat(first[table.columnIndex("Cabin")]).isNull();
        assertThat(first[table.columnIndex("Embarked")]).isEqualTo("S");
        assertThat(table.rows()).allSatisfy(row -> assertThat(row).hasSize(12));
    }

    @Test
    void aSmallGzipFileThatUnpacksBeyondTheCharacterLimitIsRefusedWhileReading() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 100_000; i++) {
                gzip.write("1,2\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(packed.size()).isLessThan(2_000);
        int[] rows = {0};

        assertThatThrownBy(() -> CsvReader.stream(new ByteArrayInputStream(packed.toByteArray()), 1_000, 10_000L,
                columns -> { }, row -> ++rows[0] > 0))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("backprop.datasets.max-characters is 10000");
        assertThat(rows[0]).as("stopped long before the end").isLessThan(5_000);
    }
}
