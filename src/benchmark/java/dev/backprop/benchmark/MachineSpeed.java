package dev.backprop.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How fast this machine is during a run, so that a run can be compared with one stored on a faster or slower day: a
 * fixed piece of CPU work (a dense float matrix product, as in training and the forward pass, and numbers formatted
 * and parsed, as in JSON and CSV) done on every core at once for a second, a few times during the run. The shared
 * machine's speed has differed threefold between days; unscaled, such a day flags every absolute figure as moved.
 */
final class MachineSpeed {

    static final String KEY = "machine_speed_units_per_s";

    private static final int ROWS = 32;
    private static final int WIDTH = 128;

    private final List<Double> samples = new ArrayList<>();

    /** Measures once (about 1.3 s) and keeps the figure. */
    double sample() throws InterruptedException {
        measure(300);
        double unitsPerSecond = measure(1_000);
        samples.add(unitsPerSecond);
        return unitsPerSecond;
    }

    double mean() {
        return samples.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** The samples and how far apart they were, for the report. */
    String describe() {
        double min = samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%s units/s (mean of %d samples during the run, %s to %s)", Report.number(mean()),
                samples.size(), Report.number(min), Report.number(max));
    }

    private static double measure(long millis) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long end = System.nanoTime() + millis * 1_000_000;
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> unitsUntil(end)));
            }
            long units = 0;
            for (Future<Long> count : counts) {
                units += count.get();
            }
            return units / (millis / 1e3);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static long unitsUntil(long end) {
        float[] a = new float[ROWS * WIDTH];
        float[] b = new float[WIDTH * WIDTH];
        float[] c = new float[ROWS * WIDTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (i % 17) / 17f - 0.5f;
        }
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 13) / 13f - 0.5f;
        }
        StringBuilder text = new StringBuilder();
        long units = 0;
        double checksum = 0;
        while (System.nanoTime() < end) {
            multiply(a, b, c);
            text.setLength(0);
            for (int i = 0; i < WIDTH; i++) {
                text.append(c[i]).append(',');
            }
            int from = 0;
            for (int i = 0; i < WIDTH; i++) {
                int comma = text.indexOf(",", from);
                checksum += Double.parseDouble(text.substring(from, comma));
                from = comma + 1;
            }
            // Each unit's result feeds the next product, and the count depends on the checksum, so the JIT can
            // neither hoist the work out of the loop nor drop it as unused.
            a[(int) (units % a.length)] = (float) (checksum * 1e-9);
            units++;
        }
        return Double.isNaN(checksum) ? units + 1 : units;
    }

    private static void multiply(float[] a, float[] b, float[] c) {
        Arrays.fill(c, 0f);
        for (int i = 0; i < ROWS; i++) {
            for (int k = 0; k < WIDTH; k++) {
                float left = a[i * WIDTH + k];
                for (int j = 0; j < WIDTH; j++) {
                    c[i * WIDTH + j] += left * b[k * WIDTH + j];
                }
            }
        }
    }
}
