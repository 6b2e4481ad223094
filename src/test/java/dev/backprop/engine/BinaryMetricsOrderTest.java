package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The primitive row ordering gives exactly what a stable sort by {@link Float#compare} gives. */
class BinaryMetricsOrderTest {

    @Test
    void ordersRowsAsAStableSortByFloatCompareInBothDirections() {
        Random random = new Random(9);
        float[] special = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.5f, 0.5f};
        float[] scores = new float[5_000];
        for (int i = 0; i < scores.length; i++) {
            // Many ties (probabilities rounded to 2 digits), negatives and the special values.
            scores[i] = i % 7 == 0 ? special[random.nextInt(special.length)]
                    : Math.round(random.nextFloat() * 100) / 100f * (random.nextInt(10) == 0 ? -1 : 1);
        }
        for (boolean descending : new boolean[] {false, true}) {
            Comparator<Integer> byScore = (x, y) -> Float.compare(scores[x], scores[y]);
            Integer[] expected = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
            Arrays.sort(expected, descending ? byScore.reversed() : byScore);

            assertThat(BinaryMetrics.rowsBy(scores, descending)).as(descending ? "descending" : "ascending")
                    .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
        }
    }
}
