package dev.backprop.prediction.web;

import java.io.StringReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.Numbers;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.prediction.PredictionInputs;
import dev.backprop.prediction.TablePredictions;
import dev.backprop.preprocessing.Imputation;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.PreprocessorFitter;
import dev.backprop.preprocessing.Scaling;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.TooLargeException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prediction input in each of its three forms (query parameters, JSON rows, CSV rows) becomes finite network inputs
 * or a 400 naming the problem, never another exception; and the CSV answer never starts a text cell with a formula
 * character. The first byte picks the form; the rest is the request.
 */
class PredictionInputFuzzTest {

    private static final String TRAINING = """
            x,smoker,colour,label
            1.5,yes,red,no
            2.5,no,blue,yes
            ,yes,green,no
            4,no,,yes
            1e30,yes,red,yes
            """;

    private static final Preprocessor PREPROCESSOR = preprocessor();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @FuzzTest(maxDuration = "30s")
    void anyPredictionInputGivesFiniteInputsOrA400(byte[] bytes) {
        int form = bytes.length == 0 ? 0 : (bytes[0] & 0xff) % 3;
        String request = bytes.length == 0 ? "" : new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_8);
        try {
            switch (form) {
                case 0 -> encodesToFiniteInputsOrSaysWhy(List.of(QueryRow.from(query(request)).features()), false);
                case 1 -> {
                    List<Map<String, Object>> json = JSON.readValue(request, new TypeReference<>() { });
                    // The literal null: Spring answers "required request body is missing", a 400.
                    encodesToFiniteInputsOrSaysWhy(json == null ? List.of() : JsonRows.raw(json), false);
                }
                default -> {
                    byte[] answer = CsvPredictions.predict(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)),
                            100_000, 1_000, 1_000_000L, (columns, rows, firstRow) -> {
                                tableEncodesToFiniteInputsOrSaysWhy(columns, rows);
                                return predictions(rows.size());
                            });
                    assertNoFormulaCells(new String(answer, StandardCharsets.UTF_8));
                }
            }
        } catch (JacksonException | InvalidRequestException | TooLargeException e) {
            // A 400 or 413 for the request as a whole: fine.
        }
    }

    private static void encodesToFiniteInputsOrSaysWhy(List<Map<String, String>> rows, boolean ignoreOtherColumns) {
        float[][] inputs;
        try {
            inputs = PredictionInputs.encode(PREPROCESSOR, rows, i -> "$[" + i + "]", ignoreOtherColumns, new ArrayList<>());
        } catch (InvalidRequestException e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.message()).isNotBlank());
            throw e;
        }
        assertFinite(inputs);
    }

    private static void assertFinite(float[][] inputs) {
        for (float[] input : inputs) {
            assertThat(input).hasSize(PREPROCESSOR.inputWidth());
            for (float value : input) {
                assertThat(value).isFinite();
            }
        }
    }

    private static void tableEncodesToFiniteInputsOrSaysWhy(List<String> columns, List<String[]> rows) {
        float[][] inputs;
        try {
            inputs = PredictionInputs.encodeTable(PREPROCESSOR, columns, rows, i -> "row " + (i + 1), new ArrayList<>());
        } catch (InvalidRequestException e) {
            assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.message()).isNotBlank());
            throw e;
        }
        assertFinite(inputs);
    }

    /** Tomcat's part: it hands Spring the parameters; a query it cannot parse never reaches our code. */
    private static Map<String, String[]> query(String request) {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        try {
            UriComponentsBuilder.fromUriString("/?" + request).build().getQueryParams()
                    .forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        } catch (IllegalArgumentException e) {
            parameters.clear();
        }
        return parameters;
    }

    private static void assertNoFormulaCells(String csv) {
        try {
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(csv))) {
                for (String cell : record) {
                    if (!cell.isEmpty() && Numbers.parse(cell) == null) {
                        assertThat(cell.charAt(0)).as(cell).isNotIn('=', '+', '-', '@', '\t', '\r');
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static TablePredictions predictions(int rows) {
        String[] labels = new String[rows];
        java.util.Arrays.fill(labels, "=yes");
        double[] numbers = new double[2 * rows];
        java.util.Arrays.fill(numbers, 0.5);
        return new TablePredictions(List.of("prediction", "probability_no", "probability_=yes"), labels, numbers);
    }

    private static Preprocessor preprocessor() {
        CsvTable table = CsvReader.read(TRAINING.getBytes(StandardCharsets.UTF_8));
        var schema = SchemaInference.infer(table, 100);
        return PreprocessorFitter.fit(table, new int[] {0, 1, 2, 3, 4}, schema.columns().subList(0, 3), Scaling.STANDARD,
                Imputation.MEAN, new TargetEncoder("label", Task.BINARY, List.of("no", "yes"), "yes", 1));
    }
}
