package dev.backprop.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Function;

import dev.backprop.dataset.CsvTable;
import dev.backprop.engine.TrainingData;
import dev.backprop.model.ModelPlan;
import dev.backprop.preprocessing.ParsedTable;
import dev.backprop.preprocessing.Preprocessor;
import dev.backprop.preprocessing.PreprocessorFitter;
import dev.backprop.shared.Futures;

/**
 * Splits a table into training and held-out parts (seeded, stratified by class for classification), fits the
 * preprocessing on the training part and encodes both parts. Rows without a target value are left out.
 */
public final class DataPreparation {

    /** The fitted preprocessing and the encoded parts. */
    public record Prepared(Preprocessor preprocessor, TrainingData data) {
    }

    private DataPreparation() {
    }

    public static Prepared prepare(CsvTable table, ModelPlan plan) {
        return prepare(new ParsedTable(table), plan);
    }

    public static Prepared prepare(ParsedTable parsed, ModelPlan plan) {
        CsvTable table = parsed.table();
        return prepare(parsed, plan, split(table, usableRows(table, plan), plan));
    }

    /**
     * As {@link #prepare(CsvTable, ModelPlan)}, with half of the fitting and the encoding done on {@code helper} (a
     * training job's second thread, idle until the training starts) at the same time.
     */
    public static Prepared prepare(CsvTable table, ModelPlan plan, Executor helper) {
        return prepare(new ParsedTable(table), plan, split(table, usableRows(table, plan), plan), helper);
    }

    /** The table rows {@link #prepare} holds out, without fitting or encoding anything. */
    public static int[] testRows(CsvTable table, ModelPlan plan) {
        return split(table, usableRows(table, plan), plan)[1];
    }

    /**
     * k folds for cross-validation ({@code [train rows, test rows]} each): rows are shuffled with the seed and dealt
     * out class by class, so every fold has about the same class shares (stratified) for classification.
     */
    public static List<int[][]> folds(CsvTable table, ModelPlan plan, int k) {
        List<Integer> usable = usableRows(table, plan);
        int targetColumn = table.columnIndex(plan.target().targetColumns().get(0));
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        for (int r : usable) {
            String stratum = plan.target().task().isClassification() ? table.cell(r, targetColumn) : "";
            strata.computeIfAbsent(stratum, key -> new ArrayList<>()).add(r);
        }
        Random random = new Random(plan.design().seed());
        List<List<Integer>> members = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            members.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> stratum : strata.values()) {
            Collections.shuffle(stratum, random);
            for (int r : stratum) {
                members.get(next++ % k).add(r);
            }
        }
        List<int[][]> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            for (int other = 0; other < k; other++) {
                if (other != f) {
                    train.addAll(members.get(other));
                }
            }
            Collections.sort(train);
            List<Integer> test = new ArrayList<>(members.get(f));
            Collections.sort(test);
            folds.add(new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
                    test.stream().mapToInt(Integer::intValue).toArray()});
        }
        return folds;
    }

    /**
     * Fits the preprocessing on the given training rows and encodes both parts. Pass the same {@link ParsedTable} for
     * every split of one table (folds, candidates), so each number is parsed once.
     */
    public static Prepared prepare(ParsedTable table, ModelPlan plan, int[][] split) {
        return prepare(table, plan, split, Runnable::run);
    }

    /**
     * As {@link #prepare(ParsedTable, ModelPlan, int[][])}; the helper fits half of the features, then encodes the
     * held-out rows and as many training rows as make half of all rows while this thread encodes the rest. With
     * {@code Runnable::run} as the helper, all of it happens on this thread.
     */
    private static Prepared prepare(ParsedTable table, ModelPlan plan, int[][] split, Executor helper) {
        Preprocessor preprocessor = PreprocessorFitter.fit(table, split[0], plan.features(), plan.scaling(),
                plan.imputation(), plan.target(), helper);
        int[] train = split[0];
        int[] test = split[1];
        int cut = Math.min(train.length, (train.length + test.length) / 2);
        List<float[][]> parts = Futures.both(
                () -> preprocessor.encodeRows(table, Arrays.copyOfRange(train, 0, cut)),
                () -> concat(preprocessor.encodeRows(table, Arrays.copyOfRange(train, cut, train.length)),
                        preprocessor.encodeRows(table, test)),
                helper);
        float[][] trainX = new float[train.length][];
        float[][] testX = new float[test.length][];
        System.arraycopy(parts.get(0), 0, trainX, 0, cut);
        System.arraycopy(parts.get(1), 0, trainX, cut, train.length - cut);
        System.arraycopy(parts.get(1), train.length - cut, testX, 0, test.length);
        TrainingData data = new TrainingData(trainX, preprocessor.target().encodeRows(table, train),
                testX, preprocessor.target().encodeRows(table, test));
        return new Prepared(preprocessor, data);
    }

    private static float[][] concat(float[][] first, float[][] second) {
        float[][] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static List<Integer> usableRows(CsvTable table, ModelPlan plan) {
        int[] targetColumns = plan.target().targetColumns().stream().mapToInt(table::columnIndex).toArray();
        List<Integer> usable = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            int row = r;
            if (java.util.Arrays.stream(targetColumns).allMatch(c -> table.cell(row, c) != null)) {
                usable.add(r);
            }
        }
        return usable;
    }

    /** {@code [train rows, test rows]}; each stratum contributes its share of test rows. */
    static int[][] split(CsvTable table, List<Integer> rows, ModelPlan plan) {
        int targetColumn = table.columnIndex(plan.target().targetColumns().get(0));
        Map<String, List<Integer>> strata = new LinkedHashMap<>();
        Function<Integer, String> stratum = plan.target().task().isClassification()
                ? r -> table.cell(r, targetColumn)
                : r -> "";
        for (int r : rows) {
            strata.computeIfAbsent(stratum.apply(r), k -> new ArrayList<>()).add(r);
        }
        Random random = new Random(plan.design().seed());
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : strata.values()) {
            Collections.shuffle(members, random);
            int testCount = (int) Math.round(members.size() * plan.testFraction());
            test.addAll(members.subList(0, testCount));
            train.addAll(members.subList(testCount, members.size()));
        }
        if (test.isEmpty() && train.size() > 1) {
            test.add(train.remove(train.size() - 1));
        }
        Collections.sort(train);
        Collections.sort(test);
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(), test.stream().mapToInt(Integer::intValue).toArray()};
    }
}
