package dev.backprop.prediction.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.Numbers;
import dev.backprop.prediction.Predictions;
import dev.backprop.prediction.RowPrediction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV in, CSV out: the input columns as sent, then the prediction columns. */
final class CsvPredictions {

    private CsvPredictions() {
    }

    static CsvTable table(byte[] body, int maxRowLength) {
        return CsvReader.read(body, maxRowLength);
    }

    static List<Map<String, String>> rows(CsvTable table) {
        List<Map<String, String>> rows = new ArrayList<>(table.rows().size());
        for (String[] values : table.rows()) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < values.length; c++) {
                row.put(table.columns().get(c), values[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    static String write(List<Map<String, String>> inputs, Predictions predictions) {
        List<String> header = new ArrayList<>(inputs.isEmpty() ? List.of() : inputs.get(0).keySet());
        header.add("prediction");
        boolean classification = predictions.labels() != null;
        boolean scored = !predictions.rows().isEmpty() && predictions.rows().get(0).score() != null;
        List<String> valueColumns = predictions.rows().isEmpty() || predictions.rows().get(0).values() == null ? null
                : List.copyOf(predictions.rows().get(0).values().keySet());
        if (valueColumns != null) {
            header.remove(header.size() - 1);
            valueColumns.forEach(column -> header.add("prediction_" + column));
        } else if (scored) {
            header.add("score");
        } else if (classification) {
            predictions.labels().forEach(label -> header.add("probability_" + label));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(CsvPredictions::safe).toList());
            for (int i = 0; i < inputs.size(); i++) {
                List<String> record = new ArrayList<>();
                inputs.get(i).values().forEach(value -> record.add(safe(value)));
                RowPrediction row = predictions.rows().get(i);
                if (valueColumns != null) {
                    valueColumns.forEach(column -> record.add(Double.toString(row.values().get(column))));
                } else if (scored) {
                    record.add(safe(row.prediction()));
                    record.add(Double.toString(row.score()));
                } else if (classification) {
                    record.add(safe(row.prediction()));
                    predictions.labels().forEach(label -> record.add(Double.toString(row.probabilities().get(label))));
                } else {
                    record.add(Double.toString(row.value()));
                }
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Spreadsheets run cells that start with = + - @ as formulas; such text (not a number) gets a leading quote. */
    static String safe(String value) {
        if (value == null || value.isEmpty() || Numbers.parse(value) != null) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
