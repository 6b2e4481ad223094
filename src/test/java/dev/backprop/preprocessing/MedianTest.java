package dev.backprop.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class MedianTest {

    /** What the fill value was before selection replaced sorting. */
    private static double bySorting(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    @Test
    void selectionGivesTheSortedMedianForOddAndEvenCountsWithAndWithoutRepeats() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 1 + random.nextInt(trial < 10_000 ? 12 : 3_000);
            int distinct = 1 + random.nextInt(trial % 3 == 0 ? 3 : 1_000);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = trial % 2 == 0 ? random.nextInt(distinct) - distinct / 2 : random.nextGaussian() * 1e3;
            }
            double[] before = values.clone();
            assertThat(Median.of(values)).as("median of %s", Arrays.toString(values)).isEqualTo(bySorting(values));
            assertThat(values).as("the caller's values are left as they were").containsExactly(before);
        }
    }

    @Test
    void inputsThatDefeatSimplePivotsStillGiveTheMedian() {
        int n = 100_001;
        double[] ascending = new double[n];
        double[] descending = new double[n];
        double[] organPipe = new double[n];
        double[] constant = new double[n];
        for (int i = 0; i < n; i++) {
            ascending[i] = i;
            descending[i] = n - i;
            organPipe[i] = Math.min(i, n - i);
            constant[i] = 4.5;
        }
        for (double[] values : new double[][] {ascending, descending, organPipe, constant}) {
            assertThat(Median.of(values)).isEqualTo(bySorting(values));
        }
    }

    @Test
    void infinitiesAndExtremesTakePartLikeAnyValue() {
        double[] values = {Double.NEGATIVE_INFINITY, 3, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, 2};
        assertThat(Median.of(values)).isEqualTo(2.5);
        assertThat(Median.of(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 1})).isEqualTo(1);
    }
}
