package dev.backprop.prediction.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    private static final String ALPHABET = "aZ09 ,\"\r\n\t#!=+-@'.;\u00e9\u4e2d";

    @Test
    void writesWhatCommonsCsvWritesForEdgeCases() throws IOException {
        List<List<String>> records = List.of(
                Arrays.asList("", "x"), Arrays.asList((String) null, "x"), Arrays.asList("x", ""), Arrays.asList("x", null),
                List.of("a,b", "say \"hi\"", "two\nlines", "cr\rlf"), List.of("#hash", "!bang", " lead", "trail ", "tab\t"),
                List.of("$dollar", "'quote", "=1+2", "-3", "0.25", "1.0E-5"), List.of("\"", "\"\"", ",", "é", "中"));
        for (List<String> record : records) {
            assertThat(ours(record)).as("%s", record).isEqualTo(commonsCsv(record));
        }
    }

    @Test
    void writesWhatCommonsCsvWritesForRandomCells() throws IOException {
        Random random = new Random(7);
        for (int r = 0; r < 20_000; r++) {
            List<String> record = new ArrayList<>();
            int cells = 1 + random.nextInt(4);
            for (int c = 0; c < cells; c++) {
                if (random.nextInt(10) == 0) {
                    record.add(null);
                    continue;
                }
                StringBuilder cell = new StringBuilder();
                int length = random.nextInt(6);
                for (int i = 0; i < length; i++) {
                    cell.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                record.add(cell.toString());
            }
            assertThat(ours(record)).as("%s", record).isEqualTo(commonsCsv(record));
        }
    }

    private static String ours(List<String> record) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < record.size(); c++) {
            CsvCells.append(out, record.get(c), c == 0);
        }
        return out.append(CsvCells.RECORD_SEPARATOR).toString();
    }

    private static String commonsCsv(List<String> record) throws IOException {
        StringBuilder out = new StringBuilder();
        new CSVPrinter(out, CSVFormat.RFC4180).printRecord(record);
        return out.toString();
    }
}
