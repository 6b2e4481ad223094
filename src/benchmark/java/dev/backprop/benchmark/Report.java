package dev.backprop.benchmark;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the results of one run as Markdown tables, the target check and the raw figures. */
final class Report {

    private final boolean quick;
    private final Figures figures = new Figures();
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();
    private String machine;
    private String bestVariant;
    private String sweep = "";
    private String loadAtEnd;
    private String speed;

    Report(boolean quick) {
        this.quick = quick;
    }

    Figures figures() {
        return figures;
    }

    void machine(String description) {
        this.machine = description;
    }

    void bestVariant(String name) {
        this.bestVariant = name;
    }

    void startup(double seconds, double cpuSeconds, double idleRssMb) {
        figures.put("startup_to_ready_s", seconds);
        figures.put("startup_cpu_s", cpuSeconds);
        figures.put("rss_idle_mb", idleRssMb);
        target("Start-up to ready ≤ 10 s", String.format(Locale.ROOT, "%.1f s", seconds), seconds <= 10);
    }

    void training(List<TrainingBenchmarks.Row> rows) {
        body.append("## Training throughput\n\nSamples per second (training rows × epochs ÷ seconds). The service is timed ")
                .append("through its API from submitting the job until it reports SUCCEEDED, so queueing, data preparation, the ")
                .append("per-epoch history, the final evaluation, the logistic baseline and storing the version are all included. ")
                .append("Raw DL4J trains the same network (same split and scaling, computed by the service's own code; Adam 0.001, ")
                .append("Xavier, float32, seed 42) with a plain `fit(iterator)` loop over batches made from the rows in a JVM of its ")
                .append("own (after a short warm-up fit), timed from building the network to the end of the last epoch. The service ")
                .append("likewise runs one untimed job of each workload first. The two then take turns six times and the best of ")
                .append("each counts (once, without warm-up, in a quick run).\n\n")
                .append("| workload | network | train rows × epochs | service | raw DL4J, shipped settings | service ÷ raw |");
        boolean best = rows.stream().anyMatch(row -> row.best() != null);
        body.append(best ? " raw DL4J, best settings | service ÷ best |\n|---|---|---|---|---|---|---|---|\n" : "\n|---|---|---|---|---|---|\n");
        for (TrainingBenchmarks.Row row : rows) {
            String key = row.workload().key();
            double ratio = row.service() / row.raw();
            figures.put("training_" + key + "_service_samples_per_s", row.service());
            figures.put("training_" + key + "_raw_samples_per_s", row.raw());
            figures.put("training_" + key + "_ratio", ratio);
            body.append(String.format(Locale.ROOT, "| %s | %s | %,d × %d | %s | %s | **%.2f** |", row.workload().title(),
                    row.workload().network().replaceFirst("^\\d+", Integer.toString(row.inputs())), row.trainRows(),
                    row.workload().epochs(), number(row.service()), number(row.raw()), ratio));
            if (row.best() != null) {
                figures.put("training_" + key + "_raw_best_samples_per_s", row.best());
                body.append(String.format(Locale.ROOT, " %s | %.2f |", number(row.best()), row.service() / row.best()));
            }
            body.append('\n');
            target("Training " + key + ": service ≥ 0.95 × raw DL4J", String.format(Locale.ROOT, "%.2f", ratio), ratio >= 0.95);
        }
        if (bestVariant != null) {
            body.append("\nBest single-job raw settings in this run: ").append(bestVariant).append(".\n");
        }
        body.append(sweep).append('\n');
    }

    void sweep(Map<TrainingBenchmarks.Variant, Double> results) {
        double shipped = results.values().iterator().next();
        StringBuilder table = new StringBuilder("\n### Raw DL4J settings\n\nThe synthetic workload (2 epochs) with one ")
                .append("setting changed at a time from the shipped ones.\n\n| setting | samples/s | vs shipped |\n|---|---|---|\n");
        for (Map.Entry<TrainingBenchmarks.Variant, Double> entry : results.entrySet()) {
            // Keyed by the setting, not its place in the list: a setting added to the sweep must not compare with
            // the one stored at its position before.
            figures.put("dl4j_setting_" + entry.getKey().key() + "_samples_per_s", entry.getValue());
            table.append(String.format(Locale.ROOT, "| %s | %s | %.2f× |%n", entry.getKey().name(), number(entry.getValue()),
                    entry.getValue() / shipped));
        }
        sweep = table.toString();
    }

    void singleRow(List<PredictionBenchmarks.SingleRow> results) {
        body.append("## Single-row prediction over HTTP\n\n`GET /api/models/{id}/predict?x0=…&x19=…` on the synthetic model ")
                .append("(20 → 128 → 128 → 1) against `GET /api/benchmark/ceiling`, a constant JSON answer from the same server ")
                .append("(Tomcat, filters, security and Jackson, no work). Closed-loop keep-alive clients on loopback, each sending ")
                .append("its next request when the last answer arrives. The two take turns, three times each for 4 s after a 2 s ")
                .append("warm-up (once in a quick run); the turn with the most requests per second counts, with its latencies. ")
                .append("At 64 clients the p99 cannot be far below the mean latency, which is 64 ÷ throughput by Little's law.\n\n")
                .append("| clients | ceiling req/s | ceiling p50 / p99 ms | predict req/s | predict p50 / p99 ms | predict ÷ ceiling |\n")
                .append("|---|---|---|---|---|---|\n");
        for (PredictionBenchmarks.SingleRow row : results) {
            int c = row.ceiling().clients();
            double ratio = row.predict().perSecond() / row.ceiling().perSecond();
            figures.put("predict_" + c + "_clients_per_s", row.predict().perSecond());
            figures.put("predict_" + c + "_clients_p50_ms", row.predict().p50Ms());
            figures.put("predict_" + c + "_clients_p99_ms", row.predict().p99Ms());
            figures.put("ceiling_" + c + "_clients_per_s", row.ceiling().perSecond());
            figures.put("predict_" + c + "_clients_ratio", ratio);
            body.append(String.format(Locale.ROOT, "| %d | %s | %.2f / %.2f | %s | %.2f / %.2f | **%.2f** |%n", c,
                    number(row.ceiling().perSecond()), row.ceiling().p50Ms(), row.ceiling().p99Ms(),
                    number(row.predict().perSecond()), row.predict().p50Ms(), row.predict().p99Ms(), ratio));
            if (row.predict().errors() + row.ceiling().errors() > 0) {
                body.append(String.format("| | %d errors | | %d errors | | |%n", row.ceiling().errors(), row.predict().errors()));
            }
            if (c == 64) {
                target("Single row at 64 clients ≥ 0.8 × ceiling", String.format(Locale.ROOT, "%.2f", ratio), ratio >= 0.8);
                target("Single row at 64 clients: p99 ≤ 5 ms", String.format(Locale.ROOT, "%.2f ms", row.predict().p99Ms()),
                        row.predict().p99Ms() <= 5);
            }
        }
        body.append('\n');
    }

    void batches(List<PredictionBenchmarks.Batch> results) {
        body.append("## Batch prediction\n\n`POST /api/models/{id}/predictions` on the synthetic model, one client, requests back to ")
                .append("back; rows per second end to end (request written, parsed, preprocessed, predicted, answer read).\n\n")
                .append("| rows per request | JSON rows/s | CSV rows/s | CSV request size |\n|---|---|---|---|\n");
        for (PredictionBenchmarks.Batch batch : results) {
            figures.put("batch_" + batch.rows() + "_json_rows_per_s", batch.jsonRowsPerSecond());
            figures.put("batch_" + batch.rows() + "_csv_rows_per_s", batch.csvRowsPerSecond());
            body.append(String.format(Locale.ROOT, "| %,d | %s | %s | %.2f MB |%n", batch.rows(), number(batch.jsonRowsPerSecond()),
                    number(batch.csvRowsPerSecond()), batch.csvMegabytes()));
            if (batch.rows() == 100_000) {
                target("Batch of 100,000 rows (CSV over HTTP) ≥ 500k rows/s", number(batch.csvRowsPerSecond()) + " rows/s",
                        batch.csvRowsPerSecond() >= 500_000);
            }
        }
        body.append('\n');
    }

    void batchInProcess(dev.backprop.prediction.web.BatchInProcess.Result result) {
        double ratio = result.endToEnd() / result.parseOnly();
        figures.put("batch_in_process_rows_per_s", result.endToEnd());
        figures.put("batch_in_process_parse_only_rows_per_s", result.parseOnly());
        figures.put("batch_in_process_ratio_to_parse", ratio);
        body.append("### Batch prediction in-process\n\nThe controller's CSV path (`CsvPredictions` with `PredictionService.predictTable`) ")
                .append("called in the harness' JVM, bytes in to bytes out: a Titanic model (raw `train.csv`; Pclass, Sex, Age, SibSp, Parch, ")
                .append("Fare and Embarked scaled or one-hot; two hidden layers of 64) trained in-process by the service's own code, and ")
                .append(String.format(Locale.ROOT, "%,d", result.rows()))
                .append(" rows made by repeating `train.csv`. Best of ").append(result.runs()).append(" runs after as many warm-up runs. ")
                .append("As in the service, the request's thread reads each chunk of 1,024 rows while a batch helper (by default one ")
                .append("per core but one) predicts the chunk before. ")
                .append("The baseline is FastCSV (the parser the service uses) ")
                .append("parsing the same bytes and nothing else, on one thread.\n\n")
                .append("| end to end rows/s | FastCSV parse only rows/s | end to end ÷ parse only | forward pass only rows/s |\n|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| %s | %s | **%.2f** | %s |%n%n", number(result.endToEnd()), number(result.parseOnly()),
                        ratio, number(result.forwardOnly())));
        target("Batch of 100,000 rows in-process ≥ 500k rows/s", number(result.endToEnd()) + " rows/s", result.endToEnd() >= 500_000);
    }

    void duringTraining(PredictionBenchmarks.DuringTraining during, double trainingAlone) {
        figures.put("during_training_predict_per_s", during.training().perSecond());
        figures.put("during_training_predict_p99_ms", during.training().p99Ms());
        figures.put("during_training_samples_per_s", during.trainingSamplesPerSecond());
        body.append("## Prediction while a training job runs\n\nSingle-row prediction at 8 clients on an idle server, then while the ")
                .append("synthetic workload trains (2 epochs); and the job's own throughput under that load.\n\n")
                .append("| | predict req/s | p50 ms | p99 ms | training samples/s |\n|---|---|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| idle server | %s | %.2f | %.2f | %s (alone, above) |%n",
                        number(during.idle().perSecond()), during.idle().p50Ms(), during.idle().p99Ms(), number(trainingAlone)))
                .append(String.format(Locale.ROOT, "| while training | %s | %.2f | %.2f | %s |%n%n",
                        number(during.training().perSecond()), during.training().p50Ms(), during.training().p99Ms(),
                        number(during.trainingSamplesPerSecond())));
    }

    void memory(double peakPredictionMb, double peakTrainingMb) {
        figures.put("rss_peak_prediction_load_mb", peakPredictionMb);
        figures.put("rss_peak_training_and_load_mb", peakTrainingMb);
        body.append("## Start-up and memory\n\n| | |\n|---|---|\n")
                .append(String.format(Locale.ROOT, "| start-up to ready (process start → readiness UP, JavaCPP cache warm) | %.1f s |%n",
                        figures.get("startup_to_ready_s")))
                .append(String.format(Locale.ROOT, "| CPU time used by then (all threads, JIT compilers included) | %.1f s |%n",
                        figures.get("startup_cpu_s")))
                .append(String.format(Locale.ROOT, "| resident memory, idle after start-up | %.0f MB |%n", figures.get("rss_idle_mb")))
                .append(String.format(Locale.ROOT, "| resident memory, peak under prediction load | %.0f MB |%n", peakPredictionMb))
                .append(String.format(Locale.ROOT, "| resident memory, peak while training under load | %.0f MB |%n%n", peakTrainingMb));
    }

    void finish(String loadAverage, MachineSpeed speed) {
        this.loadAtEnd = loadAverage;
        this.speed = speed.describe();
        figures.put(MachineSpeed.KEY, speed.mean());
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# Benchmarks\n\n");
        out.append("Generated by `src/benchmark/run").append(quick ? " --quick" : "").append("` on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(". Do not edit by hand: the command rewrites this file and compares the next run with the figures ")
                .append("at the end.\n\nMachine: ").append(machine).append("; at the end: ").append(loadAtEnd)
                .append(". Speed (a fixed piece of CPU work on every core, see `MachineSpeed`): ").append(speed)
                .append(". Figures from a shared or busy machine are noisy; the ratios compare measurements taken in the same ")
                .append("run, minutes apart, and the next run's rates and times are compared with these at this speed.\n\n## Targets\n\n| target | this run | met |\n|---|---|---|\n");
        for (String[] target : targets) {
            out.append("| ").append(target[0]).append(" | ").append(target[1]).append(" | ").append(target[2]).append(" |\n");
        }
        out.append('\n').append(body).append("## Raw figures\n\n").append(Figures.BEGIN).append('\n').append(figures.json())
                .append("\n```\n");
        return out.toString();
    }

    String summary() {
        StringBuilder out = new StringBuilder("Targets:\n");
        for (String[] target : targets) {
            out.append(String.format("  %-4s %-56s %s%n", target[2], target[0], target[1]));
        }
        return out.toString();
    }

    private void target(String name, String value, boolean met) {
        targets.add(new String[] {name, value, met ? "yes" : "**no**"});
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
