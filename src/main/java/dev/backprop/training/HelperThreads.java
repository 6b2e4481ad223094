package dev.backprop.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.backprop.engine.Evaluator;
import dev.backprop.engine.LogisticBaseline;
import dev.backprop.engine.TrainedNetwork;
import dev.backprop.engine.TrainingData;
import dev.backprop.evaluation.Baseline;
import dev.backprop.evaluation.EvaluatedVersion;
import dev.backprop.model.ModelPlan;
import dev.backprop.shared.Futures;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The second thread of each training worker. It trains and evaluates a classifier's logistic-regression baseline while
 * the network trains: the two are independent, and the baseline (single-threaded plain Java, a fraction of a second)
 * then adds nothing to the job's time on a machine with a core to spare. It builds each epoch's batches while the
 * epoch before trains, and it shares the network's final evaluation. One helper per worker, so the service never
 * runs more of them than jobs.
 */
@Component
class HelperThreads {

    private final LogisticBaseline baselines;
    private final Evaluator evaluator;
    private final ExecutorService threads;

    HelperThreads(LogisticBaseline baselines, Evaluator evaluator, TrainingProperties properties) {
        this.baselines = baselines;
        this.evaluator = evaluator;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(properties.workers(), task -> {
            Thread thread = new Thread(task, "training-helper-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A classifier with hidden layers gets one; without hidden layers the network is the baseline's model already. */
    static boolean applies(ModelPlan plan) {
        return plan.target().task().isClassification() && !plan.target().signedScores() && !plan.design().hidden().isEmpty();
    }

    /** Starts the baseline on the plan's split, or answers {@code null} when the plan gets none. */
    CompletableFuture<Baseline> start(ModelPlan plan, TrainingData data) {
        if (!applies(plan)) {
            return null;
        }
        return CompletableFuture.supplyAsync(() -> {
            LogisticBaseline.Outcome baseline = baselines.train(plan.design(), data);
            EvaluatedVersion metrics = evaluator.evaluate(baseline.network(), data, plan.target());
            return new Baseline("logistic-regression", baseline.epochs(), metrics.train(), metrics.test());
        }, threads);
    }

    /** The helpers, for work of a job that can run beside its training (the next epoch's batches). */
    java.util.concurrent.Executor executor() {
        return threads;
    }

    /**
     * The network's metrics on both parts, computed on the calling worker's thread and a helper at once (see
     * {@link Evaluator#evaluate(TrainedNetwork, TrainingData, dev.backprop.preprocessing.TargetEncoder,
     * java.util.concurrent.Executor)}), with the baseline's once it has finished.
     */
    EvaluatedVersion evaluate(TrainedNetwork network, ModelPlan plan, TrainingData data, CompletableFuture<Baseline> baseline) {
        return withBaseline(evaluator.evaluate(network, data, plan.target(), threads), baseline);
    }

    /** The network's metrics with the baseline's once it has finished; its failure is rethrown as it was thrown. */
    static EvaluatedVersion withBaseline(EvaluatedVersion evaluated, CompletableFuture<Baseline> baseline) {
        if (baseline == null) {
            return evaluated;
        }
        return evaluated.withBaseline(Futures.join(baseline));
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
