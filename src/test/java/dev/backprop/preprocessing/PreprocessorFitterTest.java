package dev.backprop.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.backprop.dataset.ColumnSchema;
import dev.backprop.dataset.CsvTable;
import dev.backprop.dataset.DatasetSchema;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.Violation;
import org.junit.jupiter.api.Test;

class PreprocessorFitterTest {

    private static final TargetEncoder TARGET = new TargetEncoder("y", Task.REGRESSION, null, null, 1);

    /**
     * Rows 0–3 are the training part in most tests; rows 4–5 hold values far away from them, so any statistic
     * computed over the whole table instead of the training rows shows.
     */
    private static final CsvTable TABLE = new CsvTable(
            List.of("n", "m", "c", "k", "b", "y"),
            List.of(
                    new String[] {"1", "1", "red", "7", "yes", "0"},
                    new String[] {"2", null, "green", "7", "no", "1"},
                    new String[] {"3", "2", null, "7", "yes", "0"},
                    new String[] {"4", "10", "red", "7", null, "1"},
                    new String[] {"100", "20", "blue", "8", "no", "0"},
                    new String[] {"200", "30", "red", "9", "no", "1"}));

    private static final int[] TRAIN = {0, 1, 2, 3};

    private static final DatasetSchema SCHEMA = SchemaInference.infer(TABLE, 1_000);

    private static List<ColumnSchema> features(String... names) {
        List<ColumnSchema> features = new ArrayList<>();
        for (String name : names) {
            features.add(SCHEMA.column(name).orElseThrow());
        }
        return features;
    }

    private static FeatureEncoder fitOne(String column, Scaling scaling, Imputation imputation) {
        return PreprocessorFitter.fit(TABLE, TRAIN, features(column), scaling, imputation, TARGET).features().get(0);
    }

    private static float[] encode(Preprocessor preprocessor, Map<String, String> row, List<String> warnings) {
        return preprocessor.encode(row::get, warnings::add);
    }

    private static Map<String, String> row(String... keyValues) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put(keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    @Test
    void standardScalingIsFittedOnTheTrainingRowsOnly() {
        // Training rows hold 1, 2, 3, 4: mean 2.5, population variance (2.25+0.25+0.25+2.25)/4 = 1.25.
        FeatureEncoder n = fitOne("n", Scaling.STANDARD, Imputation.MEAN);

        assertThat(n.kind()).isEqualTo(FeatureEncoder.Kind.NUMERIC);
        assertThat(n.center()).isCloseTo(2.5, within(1e-12));
        assertThat(n.scale()).isCloseTo(Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void standardScalingUsesExactlyTheGivenRowsWhateverTheirOrder() {
        // Rows 5, 0 and 3 hold 200, 1 and 4: mean 205/3, population variance of the three.
        int[] rows = {5, 0, 3};
        double mean = (200 + 1 + 4) / 3.0;
        double variance = (Math.pow(200 - mean, 2) + Math.pow(1 - mean, 2) + Math.pow(4 - mean, 2)) / 3;

        FeatureEncoder n = PreprocessorFitter.fit(TABLE, rows, features("n"), Scaling.STANDARD, Imputation.MEAN, TARGET)
                .features().get(0);

        assertThat(n.center()).isCloseTo(mean, within(1e-9));
        assertThat(n.scale()).isCloseTo(Math.sqrt(variance), within(1e-9));
    }

    @Test
    void standardScaledTrainingValuesHaveZeroMeanAndUnitPopulationStd() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("n"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        double[] encoded = new double[TRAIN.length];
        for (int i = 0; i < TRAIN.length; i++) {
            encoded[i] = encode(preprocessor, row("n", TABLE.rows().get(TRAIN[i])[0]), new ArrayList<>())[0];
        }

        double mean = Arrays.stream(encoded).average().orElseThrow();
        double variance = Arrays.stream(encoded).map(v -> (v - mean) * (v - mean)).sum() / encoded.length;
        assertThat(mean).isCloseTo(0.0, within(1e-6));
        assertThat(variance).isCloseTo(1.0, within(1e-6));
        assertThat(encoded[3]).isCloseTo(1.5 / Math.sqrt(1.25), within(1e-6));
    }

    @Test
    void minmaxScalingMapsTrainingMinimumToZeroAndMaximumToOne() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("n"), Scaling.MINMAX,
                Imputation.MEAN, TARGET);
        FeatureEncoder n = preprocessor.features().get(0);

        assertThat(n.center()).isEqualTo(1.0);
        assertThat(n.scale()).isEqualTo(3.0);
        assertThat(encode(preprocessor, row("n", "1"), new ArrayList<>())).containsExactly(0f);
        assertThat(encode(preprocessor, row("n", "4"), new ArrayList<>())).containsExactly(1f);
        assertThat(encode(preprocessor, row("n", "2.5"), new ArrayList<>())).containsExactly(0.5f);
        // A held-out value beyond the training range falls outside 0..1 rather than being clipped.
        assertThat(encode(preprocessor, row("n", "100"), new ArrayList<>())[0]).isCloseTo(33f, within(1e-4f));
    }

    @Test
    void noScalingPassesValuesThrough() {
        FeatureEncoder n = fitOne("n", Scaling.NONE, Imputation.MEAN);

        assertThat(n.center()).isEqualTo(0.0);
        assertThat(n.scale()).isEqualTo(1.0);
    }

    @Test
    void meanImputationFillsMissingNumericValuesWithTheTrainingMean() {
        // Training rows of m: 1, missing, 2, 10 → mean 13/3.
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("m"), Scaling.NONE,
                Imputation.MEAN, TARGET);

        assertThat(preprocessor.features().get(0).fill()).isCloseTo(13.0 / 3, within(1e-12));
        assertThat(encode(preprocessor, row(), new ArrayList<>())[0]).isCloseTo(13f / 3, within(1e-6f));
    }

    @Test
    void medianImputationFillsMissingNumericValuesWithTheTrainingMedian() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("m"), Scaling.NONE,
                Imputation.MEDIAN, TARGET);

        assertThat(preprocessor.features().get(0).fill()).isEqualTo(2.0);
        assertThat(encode(preprocessor, row(), new ArrayList<>())).containsExactly(2f);
    }

    @Test
    void medianOfAnEvenNumberOfValuesIsTheMeanOfTheMiddleTwo() {
        // Rows 0, 2, 3, 4 of m: 1, 2, 10, 20 → median (2 + 10) / 2.
        FeatureEncoder m = PreprocessorFitter.fit(TABLE, new int[] {4, 0, 3, 2}, features("m"), Scaling.NONE,
                Imputation.MEDIAN, TARGET).features().get(0);

        assertThat(m.fill()).isEqualTo(6.0);
    }

    @Test
    void imputedValueIsScaledLikeAnyOtherValue() {
        // Training m values 1, 2, 10: mean 13/3 is both the fill and the centre, so a missing value encodes as 0.
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("m"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);

        assertThat(encode(preprocessor, row(), new ArrayList<>())[0]).isCloseTo(0f, within(1e-6f));
    }

    @Test
    void constantNumericColumnGetsScaleOneInsteadOfNaN() {
        Preprocessor standard = PreprocessorFitter.fit(TABLE, TRAIN, features("k"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        Preprocessor minmax = PreprocessorFitter.fit(TABLE, TRAIN, features("k"), Scaling.MINMAX,
                Imputation.MEAN, TARGET);

        assertThat(standard.features().get(0).scale()).isEqualTo(1.0);
        assertThat(standard.features().get(0).center()).isEqualTo(7.0);
        assertThat(minmax.features().get(0).scale()).isEqualTo(1.0);
        assertThat(encode(standard, row("k", "7"), new ArrayList<>())).containsExactly(0f);
        assertThat(encode(standard, row("k", "9"), new ArrayList<>())).containsExactly(2f);
        assertThat(encode(minmax, row("k", "7"), new ArrayList<>())).containsExactly(0f);
    }

    @Test
    void nonNumericValueForNumericColumnIsRefusedNamingTheColumn() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("n"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);

        assertThatThrownBy(() -> encode(preprocessor, row("n", "twelve"), new ArrayList<>()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'twelve' is not a number")
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(Violation::path).containsExactly("n"));
    }

    @Test
    void oneHotHasASlotPerLevelOfTheWholeDatasetPlusMissing() {
        // "blue" appears only outside the training rows; the vocabulary is the dataset's, so it still has a slot.
        FeatureEncoder c = fitOne("c", Scaling.STANDARD, Imputation.MEAN);

        assertThat(c.kind()).isEqualTo(FeatureEncoder.Kind.ONE_HOT);
        assertThat(c.levels()).containsExactly("blue", "green", "red");
        assertThat(c.missingLevel()).isTrue();
        assertThat(c.width()).isEqualTo(4);
    }

    @Test
    void oneHotEncodesLevelsAndMissingIntoTheirOwnSlots() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("c"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        List<String> warnings = new ArrayList<>();

        assertThat(encode(preprocessor, row("c", "blue"), warnings)).containsExactly(1f, 0f, 0f, 0f);
        assertThat(encode(preprocessor, row("c", "red"), warnings)).containsExactly(0f, 0f, 1f, 0f);
        assertThat(encode(preprocessor, row(), warnings)).containsExactly(0f, 0f, 0f, 1f);
        assertThat(warnings).isEmpty();
    }

    @Test
    void oneHotWithoutMissingValuesHasNoMissingSlot() {
        CsvTable table = new CsvTable(List.of("c"), List.of(new String[] {"a"}, new String[] {"b"}));
        ColumnSchema c = SchemaInference.infer(table, 1_000).columns().get(0);

        FeatureEncoder encoder = PreprocessorFitter.fit(table, new int[] {0, 1}, List.of(c), Scaling.STANDARD,
                Imputation.MEAN, TARGET).features().get(0);

        assertThat(encoder.missingLevel()).isFalse();
        assertThat(encoder.width()).isEqualTo(2);
    }

    @Test
    void unseenLevelEncodesAsAllZerosWithAWarningNamingTheColumn() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("c"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        List<String> warnings = new ArrayList<>();

        float[] encoded = encode(preprocessor, row("c", "purple"), warnings);

        assertThat(encoded).containsExactly(0f, 0f, 0f, 0f);
        assertThat(warnings).singleElement().asString().contains("c").contains("'purple'");
    }

    @Test
    void missingValueForOneHotColumnTrainedWithoutMissingValuesIsAllZerosWithAWarning() {
        CsvTable table = new CsvTable(List.of("colour"), List.of(new String[] {"a"}, new String[] {"b"}));
        ColumnSchema colour = SchemaInference.infer(table, 1_000).columns().get(0);
        Preprocessor preprocessor = PreprocessorFitter.fit(table, new int[] {0, 1}, List.of(colour), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        List<String> warnings = new ArrayList<>();

        assertThat(encode(preprocessor, row(), warnings)).containsExactly(0f, 0f);
        assertThat(warnings).singleElement().asString().startsWith("colour");
    }

    @Test
    void booleanColumnEncodesTrueAsOneFalseAsZeroAndMissingAsTheTrainingFill() {
        // Training rows of b: yes, no, yes, missing → mean of 1, 0, 1 is 2/3.
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("b"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);
        FeatureEncoder b = preprocessor.features().get(0);

        assertThat(b.kind()).isEqualTo(FeatureEncoder.Kind.BOOLEAN);
        assertThat(b.fill()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(encode(preprocessor, row("b", "yes"), new ArrayList<>())).containsExactly(1f);
        assertThat(encode(preprocessor, row("b", "No"), new ArrayList<>())).containsExactly(0f);
        assertThat(encode(preprocessor, row(), new ArrayList<>())[0]).isCloseTo(2f / 3, within(1e-6f));
    }

    @Test
    void nonBooleanValueForBooleanColumnIsRefusedNamingTheColumn() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("b"), Scaling.STANDARD,
                Imputation.MEAN, TARGET);

        assertThatThrownBy(() -> encode(preprocessor, row("b", "maybe"), new ArrayList<>()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations())
                        .extracting(Violation::path).containsExactly("b"));
    }

    @Test
    void encodedRowConcatenatesFeaturesInOrder() {
        Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("c", "n", "b"), Scaling.MINMAX,
                Imputation.MEAN, TARGET);

        float[] encoded = encode(preprocessor, row("c", "green", "n", "4", "b", "no"), new ArrayList<>());

        assertThat(preprocessor.inputWidth()).isEqualTo(6);
        assertThat(preprocessor.featureColumns()).containsExactly("c", "n", "b");
        assertThat(encoded).containsExactly(0f, 1f, 0f, 0f, 1f, 0f);
    }

    @Test
    void planKnowsTheInputLayoutWithoutStatistics() {
        List<FeatureEncoder> plan = PreprocessorFitter.plan(features("n", "c", "b"));

        assertThat(plan).extracting(FeatureEncoder::kind).containsExactly(
                FeatureEncoder.Kind.NUMERIC, FeatureEncoder.Kind.ONE_HOT, FeatureEncoder.Kind.BOOLEAN);
        assertThat(plan).extracting(FeatureEncoder::width).containsExactly(1, 4, 1);
        assertThat(plan.get(0).center()).isNull();
    }

    @Test
    void binaryTargetWithOneSigmoidUnitEncodesThePositiveLabelAsOne() {
        TargetEncoder target = new TargetEncoder("Survived", Task.BINARY, List.of("0", "1"), "1", 1);

        assertThat(target.singleSigmoidUnit()).isTrue();
        assertThat(target.encode("1")).containsExactly(1f);
        assertThat(target.encode("0")).containsExactly(0f);
        assertThat(target.negativeLabel()).isEqualTo("0");
    }

    @Test
    void binaryTargetWithNegativeLabelFirstInPositiveRoleStillEncodesPositiveAsOne() {
        TargetEncoder target = new TargetEncoder("t", Task.BINARY, List.of("no", "yes"), "no", 1);

        assertThat(target.encode("no")).containsExactly(1f);
        assertThat(target.encode("yes")).containsExactly(0f);
        assertThat(target.negativeLabel()).isEqualTo("yes");
    }

    @Test
    void binaryTargetWithTwoSoftmaxUnitsIsOneHot() {
        TargetEncoder target = new TargetEncoder("t", Task.BINARY, List.of("no", "yes"), "yes", 2);

        assertThat(target.singleSigmoidUnit()).isFalse();
        assertThat(target.encode("yes")).containsExactly(0f, 1f);
        assertThat(target.encode("no")).containsExactly(1f, 0f);
    }

    @Test
    void multiclassTargetIsOneHotOverTheLabels() {
        TargetEncoder target = new TargetEncoder("species", Task.MULTICLASS, List.of("setosa", "versicolor", "virginica"),
                null, 3);

        assertThat(target.singleSigmoidUnit()).isFalse();
        assertThat(target.encode("setosa")).containsExactly(1f, 0f, 0f);
        assertThat(target.encode("virginica")).containsExactly(0f, 0f, 1f);
        assertThat(target.classIndex("versicolor")).isEqualTo(1);
    }

    @Test
    void regressionTargetIsTheNumberItself() {
        TargetEncoder target = new TargetEncoder("price", Task.REGRESSION, null, null, 1);

        assertThat(target.singleSigmoidUnit()).isFalse();
        assertThat(target.encode("12.5")).containsExactly(12.5f);
        assertThat(target.encode("-3e2")).containsExactly(-300f);
    }

    @Test
    void encodingManyRowsAtOnceGivesExactlyTheRowByRowInputsForEveryKindOfColumn() {
        for (Scaling scaling : Scaling.values()) {
            for (Imputation imputation : Imputation.values()) {
                Preprocessor preprocessor = PreprocessorFitter.fit(TABLE, TRAIN, features("n", "m", "c", "k", "b"), scaling,
                        imputation, TARGET);
                int[] rows = {5, 0, 1, 2, 3, 4};
                float[][] together = preprocessor.encodeRows(new ParsedTable(TABLE), rows);
                for (int i = 0; i < rows.length; i++) {
                    String[] cells = TABLE.rows().get(rows[i]);
                    float[] alone = preprocessor.encode(column -> cells[TABLE.columnIndex(column)], warning -> { });
                    assertThat(together[i]).as("row %d, %s, %s", rows[i], scaling, imputation).isEqualTo(alone);
                }
            }
        }
    }

    @Test
    void aHeldOutValueBeyondFloatRangeIsRefusedNamingItWhenManyRowsAreEncoded() {
        CsvTable table = new CsvTable(List.of("x", "y"), List.of(new String[] {"1", "1"}, new String[] {"2", "2"},
                new String[] {"3e38", "3"}));
        List<ColumnSchema> x = SchemaInference.infer(table, 1_000).columns().stream()
                .filter(column -> column.name().equals("x")).toList();
        // Fitted on 1 and 2 (mean 1.5, deviation 0.5), 3e38 scales to 6e38, beyond float.
        Preprocessor preprocessor = PreprocessorFitter.fit(table, new int[] {0, 1}, x, Scaling.STANDARD, Imputation.MEDIAN,
                TARGET);
        ParsedTable parsed = new ParsedTable(table);
        assertThat(preprocessor.encodeRows(parsed, new int[] {1, 0})).isEqualTo(new float[][] {{1f}, {-1f}});
        assertThatThrownBy(() -> preprocessor.encodeRows(parsed, new int[] {0, 2}))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'3e38' is out of range for column 'x'");
    }

    @Test
    void targetsOfManyRowsAreTheRowByRowTargets() {
        TargetEncoder binary = new TargetEncoder("b", Task.BINARY, List.of("no", "yes"), "yes", 1);
        TargetEncoder multi = TargetEncoder.multiple(List.of("n", "y"), Task.REGRESSION);
        ParsedTable parsed = new ParsedTable(TABLE);
        int[] rows = {0, 1, 2, 4, 5};
        for (TargetEncoder target : List.of(TARGET, binary, multi)) {
            float[][] together = target.encodeRows(parsed, rows);
            for (int i = 0; i < rows.length; i++) {
                String[] cells = TABLE.rows().get(rows[i]);
                assertThat(together[i]).isEqualTo(target.encode(column -> cells[TABLE.columnIndex(column)]));
            }
        }
    }

    @Test
    void aNonNumberInANumericColumnIsRefusedNamingTheColumnAndRowWhenATableIsParsed() {
        CsvTable table = new CsvTable(List.of("n"), List.of(new String[] {"1"}, new String[] {"x"}));
        assertThatThrownBy(() -> new ParsedTable(table).numbers(0))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'x' (data row 2) is not a number; column 'n' is numeric");
    }
}
