package dev.backprop.benchmark;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** Single-row prediction under load against the ceiling endpoint, batch prediction, and prediction during training. */
final class PredictionBenchmarks {

    static final String CEILING = "/api/benchmark/ceiling";

    record SingleRow(LoadGenerator.Result ceiling, LoadGenerator.Result predict) {
    }

    record Batch(int rows, double jsonRowsPerSecond, double csvRowsPerSecond, double csvMegabytes) {
    }

    record DuringTraining(LoadGenerator.Result idle, LoadGenerator.Result training, double trainingSeconds,
            double trainingSamplesPerSecond) {
    }

    private final Server server;
    private final Api api;
    private final List<String> columns;
    private final List<String[]> rows;

    /** {@code rows}: feature rows from the synthetic file (label dropped), the inputs of every request. */
    PredictionBenchmarks(Server server, Api api, Path synthetic, int maxRows) throws IOException {
        this.server = server;
        this.api = api;
        List<String> lines;
        try (var stream = Files.lines(synthetic)) {
            lines = stream.limit(maxRows + 1L).toList();
        }
        List<String> header = List.of(lines.get(0).split(","));
        this.columns = header.subList(0, header.size() - 1);
        this.rows = new ArrayList<>(maxRows);
        for (int i = 1; i < lines.size(); i++) {
            String[] values = lines.get(i).split(",");
            rows.add(java.util.Arrays.copyOf(values, values.length - 1));
        }
    }

    String singleRowPath(long modelId) {
        StringBuilder path = new StringBuilder("/api/models/" + modelId + "/predict?");
        for (int c = 0; c < columns.size(); c++) {
            path.append(c == 0 ? "" : "&").append(URLEncoder.encode(columns.get(c), StandardCharsets.UTF_8)).append('=')
                    .append(rows.get(0)[c]);
        }
        return path.toString();
    }

    /**
     * Ceiling and prediction at each concurrency, taking {@code turns} turns each, interleaved so both see the same
     * machine; the best turn of each counts (its throughput, and the latencies of that turn). One turn each had the
     * ratio swing by a fifth between runs: the machine's speed drifts within seconds, and whichever endpoint ran
     * during a slow spell lost.
     */
    List<SingleRow> singleRow(long modelId, List<Integer> concurrency, Duration warmUp, Duration duration, int turns)
            throws InterruptedException {
        Api.expect(api.get(singleRowPath(modelId)), 200);
        Api.expect(api.get(CEILING), 200);
        List<SingleRow> results = new ArrayList<>();
        for (int clients : concurrency) {
            LoadGenerator.Result ceiling = null;
            LoadGenerator.Result predict = null;
            for (int turn = 0; turn < turns; turn++) {
                ceiling = faster(ceiling, LoadGenerator.run(server.port, server.key, CEILING, clients, warmUp, duration, null));
                predict = faster(predict, LoadGenerator.run(server.port, server.key, singleRowPath(modelId), clients, warmUp,
                        duration, null));
            }
            System.out.printf("  %2d clients: ceiling %8.0f req/s p99 %6.2f ms | predict %8.0f req/s p50 %6.2f ms p99 %6.2f ms%n",
                    clients, ceiling.perSecond(), ceiling.p99Ms(), predict.perSecond(), predict.p50Ms(), predict.p99Ms());
            results.add(new SingleRow(ceiling, predict));
        }
        return results;
    }

    private static LoadGenerator.Result faster(LoadGenerator.Result best, LoadGenerator.Result next) {
        return best == null || next.perSecond() > best.perSecond() ? next : best;
    }

    /**
     * Rows per second for one client on a keep-alive connection sending batches back to back for about
     * {@code budget}, JSON then CSV.
     */
    List<Batch> batches(long modelId, List<Integer> sizes, Duration budget) throws IOException {
        List<Batch> results = new ArrayList<>();
        String path = "/api/models/" + modelId + "/predictions";
        LoadGenerator.Connection[] open = {new LoadGenerator.Connection(server.port)};
        try {
            for (int size : sizes) {
                byte[] json = post(path, "application/json", json(size));
                byte[] csv = post(path, "text/csv", csv(size));
                double jsonRate = rate(size, budget, () -> exchange(open, json));
                double csvRate = rate(size, budget, () -> {
                    byte[] answer = exchange(open, csv);
                    long lines = 0;
                    for (byte b : answer) {
                        lines += b == '\n' ? 1 : 0;
                    }
                    if (lines != size + 1) {
                        throw new IllegalStateException("CSV answer has " + lines + " lines for " + size + " rows");
                    }
                });
                System.out.printf("  %6d rows/request: JSON %10.0f rows/s | CSV %10.0f rows/s%n", size, jsonRate, csvRate);
                results.add(new Batch(size, jsonRate, csvRate, csv.length / 1e6));
            }
        } finally {
            open[0].close();
        }
        return results;
    }

    /** One request on the open connection, reopened when the server closed it after its answer. */
    private byte[] exchange(LoadGenerator.Connection[] open, byte[] request) throws IOException {
        byte[] answer = open[0].exchangeForBody(request);
        if (open[0].closed) {
            open[0].close();
            open[0] = new LoadGenerator.Connection(server.port);
        }
        return answer;
    }

    private byte[] post(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port + "\r\nX-API-Key: " + server.key
                + "\r\nContent-Type: " + contentType + "\r\nAccept: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    /** One request that must succeed. */
    @FunctionalInterface
    private interface Request {
        void send() throws IOException;
    }

    /** Prediction at 8 clients while a training job runs, next to the same load on an idle server. */
    DuringTraining duringTraining(long modelId, long trainingModelId, long trainRows, int epochs, Duration warmUp,
            Duration idleDuration) throws InterruptedException {
        String path = singleRowPath(modelId);
        LoadGenerator.Result idle = LoadGenerator.run(server.port, server.key, path, 8, warmUp, idleDuration, null);
        AtomicBoolean done = new AtomicBoolean();
        double[] seconds = new double[1];
        Thread trainer = new Thread(() -> {
            seconds[0] = TrainingBenchmarks.trainThroughService(api, trainingModelId)[1];
            done.set(true);
        }, "training-during-load");
        trainer.start();
        LoadGenerator.Result training = LoadGenerator.run(server.port, server.key, path, 8, Duration.ofMillis(500),
                Duration.ofMinutes(10), done::get);
        trainer.join();
        System.out.printf("  idle: %8.0f req/s p99 %6.2f ms | training: %8.0f req/s p99 %6.2f ms; job %.1f s%n",
                idle.perSecond(), idle.p99Ms(), training.perSecond(), training.p99Ms(), seconds[0]);
        return new DuringTraining(idle, training, seconds[0], trainRows * (double) epochs / seconds[0]);
    }

    private static double rate(int size, Duration budget, Request request) throws IOException {
        request.send();
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        int requests = 0;
        do {
            request.send();
            requests++;
        } while (System.nanoTime() < end || requests < 3);
        return (double) size * requests / ((System.nanoTime() - start) / 1e9);
    }

    private byte[] json(int size) {
        StringBuilder body = new StringBuilder(size * 200).append('[');
        for (int r = 0; r < size; r++) {
            String[] row = rows.get(r % rows.size());
            body.append(r == 0 ? "{" : ",{");
            for (int c = 0; c < columns.size(); c++) {
                body.append(c == 0 ? "\"" : ",\"").append(columns.get(c)).append("\":").append(row[c]);
            }
            body.append('}');
        }
        return body.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] csv(int size) {
        StringBuilder body = new StringBuilder(size * 150).append(String.join(",", columns)).append('\n');
        for (int r = 0; r < size; r++) {
            body.append(String.join(",", rows.get(r % rows.size()))).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
