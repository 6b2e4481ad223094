package dev.backprop.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.preprocessing.Imputation;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.PreprocessorFitter;
import dev.backprop.preprocessing.Scaling;
import dev.backprop.preprocessing.TargetEncoder;
import dev.backprop.preprocessing.Task;
import dev.backprop.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The table encoding (CSV requests) against the row-by-row one it replaced: same inputs, warnings and errors. */
class PredictionInputsTableTest {

    private static final Set<String> FEATURES = Set.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked");

    @Test
    void everyTitanicTestRowEncodesAsTheRowByRowPathDoes() throws IOException {
        Preprocessor preprocessor = titanic();
        CsvTable test = CsvReader.read(Files.readAllBytes(Path.of("src/test/resources/data/titanic/test.csv")));

        List<List<String>> tableWarnings = new ArrayList<>();
        float[][] table = PredictionInputs.encodeTable(preprocessor, test.columns(), test.rows(), i -> "row " + (i + 1),
                tableWarnings);
        List<List<String>> rowWarnings = new ArrayList<>();
        float[][] byRow = PredictionInputs.encode(preprocessor, maps(test.columns(), test.rows()), i -> "row " + (i + 1), true,
                rowWarnings);

        assertThat(table).hasNumberOfRows(test.rows().size()).isDeepEqualTo(byRow);
        assertThat(tableWarnings).isEqualTo(rowWarnings);
    }

    @Test
    void unseenLevelsMissingValuesAndBadCellsGiveTheSameWarningsAndErrors() {
        Preprocessor preprocessor = titanic();
        List<String> columns = List.of("id", "Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked");
        List<String[]> good = List.of(
                new String[] {"1", "3", "robot", null, "0", "0", "7.25", "X"},
                new String[] {"2", "1", "female", " 38 ", "1", "0", "71.28", null});
        List<List<String>> tableWarnings = new ArrayList<>();
        List<List<String>> rowWarnings = new ArrayList<>();
        assertThat(PredictionInputs.encodeTable(preprocessor, columns, good, i -> "row " + (i + 1), tableWarnings))
                .isDeepEqualTo(PredictionInputs.encode(preprocessor, maps(columns, good), i -> "row " + (i + 1), true, rowWarnings));
        assertThat(tableWarnings).isEqualTo(rowWarnings).anySatisfy(warnings -> assertThat(warnings).isNotEmpty());

        List<String[]> bad = List.of(
                new String[] {"1", "first", "male", "old", "0", "0", "1e400", "S"},
                new String[] {"2", "3", "male", "22", "-", "0", "7.25", "S"});
        InvalidRequestException fromTable = catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encodeTable(
                preprocessor, columns, bad, i -> "row " + (i + 1), new ArrayList<>()));
        InvalidRequestException fromRows = catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encode(
                preprocessor, maps(columns, bad), i -> "row " + (i + 1), true, new ArrayList<>()));
        assertThat(fromTable.getMessage()).isEqualTo(fromRows.getMessage());
        assertThat(fromTable.violations()).isEqualTo(fromRows.violations()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aFeatureMissingFromTheColumnsIsReportedForEveryRowAsBefore() {
        Preprocessor preprocessor = titanic();
        List<String> columns = List.of("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare");
        List<String[]> rows = List.of(new String[] {"3", "male", "22", "1", "0", "7.25"},
                new String[] {"1", "female", "38", "1", "0", "71.28"});
        InvalidRequestException fromTable = catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encodeTable(
                preprocessor, columns, rows, i -> "row " + (i + 1), new ArrayList<>()));
        InvalidRequestException fromRows = catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encode(
                preprocessor, maps(columns, rows), i -> "row " + (i + 1), true, new ArrayList<>()));
        assertThat(fromTable.violations()).isEqualTo(fromRows.violations()).hasSize(2);
    }

    /** The row-by-row path itself: unknown keys first, then missing features, each with the row's path. */
    @Test
    void aRowWithUnknownAndMissingFeaturesNamesEachUnlessOtherColumnsAreAllowed() {
        Preprocessor preprocessor = titanic();
        Map<String, String> row = new java.util.LinkedHashMap<>(Map.of("Pclass", "3", "Sex", "male", "Age", "22", "SibSp", "1",
                "Parch", "0", "Fare", "7.25", "Embarked", "S"));
        row.remove("Fare");
        row.put("Cabin", "C85");
        InvalidRequestException problems = catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encode(
                preprocessor, List.of(Map.of("Pclass", "1"), row), i -> "$[" + i + "]", false, new ArrayList<>()));
        assertThat(problems.violations()).map(v -> v.path()).containsExactly("$[0].Sex", "$[0].Age", "$[0].SibSp",
                "$[0].Parch", "$[0].Fare", "$[0].Embarked", "$[1].Cabin", "$[1].Fare");
        assertThat(problems.violations().get(6).message()).startsWith("unknown feature 'Cabin'; this model's features are [");

        row.put("Fare", "7.25");
        assertThat(PredictionInputs.encode(preprocessor, List.of(row), null, true, new ArrayList<>())).hasNumberOfRows(1);
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> PredictionInputs.encode(preprocessor, List.of(row),
                null, false, new ArrayList<>())).violations()).map(v -> v.path()).containsExactly("Cabin");
    }

    private static List<Map<String, String>> maps(List<String> columns, List<String[]> rows) {
        return rows.stream().map(row -> {
            Map<String, String> map = new HashMap<>();
            IntStream.range(0, columns.size()).forEach(c -> map.put(columns.get(c), row[c]));
            return map;
        }).toList();
    }

    private static Preprocessor titanic() {
        try {
            CsvTable train = CsvReader.read(Files.readAllBytes(Path.of("src/test/resources/data/titanic/train.csv")));
            var schema = SchemaInference.infer(train, 1_000);
            int[] rows = IntStream.range(0, train.rows().size()).toArray();
            return PreprocessorFitter.fit(train, rows, schema.columns().stream().filter(c -> FEATURES.contains(c.name())).toList(),
                    Scaling.STANDARD, Imputation.MEAN, new TargetEncoder("Survived", Task.BINARY, List.of("0", "1"), "1", 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
