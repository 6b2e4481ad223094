package dev.backprop.training;

import dev.backprop.engine.TrainingDivergedException;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/** What a job that failed tells its user (never a stack trace), and how loudly the log says it. */
final class JobFailures {

    /** TrainingRun's logger: the job's lines stay under one name, whoever words them. */
    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private JobFailures() {
    }

    /** The reason to store for the job that {@code failure} stopped; logs it, with the stack where it helps. */
    static String reason(long jobId, Throwable failure) {
        if (failure instanceof TrainingDivergedException || failure instanceof InvalidRequestException
                || failure instanceof ConflictException || failure instanceof NotFoundException) {
            log.info("Training job {} failed: {}", jobId, failure.getMessage());
            return failure.getMessage();
        }
        if (failure instanceof OutOfMemoryError) {
            log.error("Training job {} ran out of memory", jobId, failure);
            return "Ran out of memory while training: use a smaller network, a smaller batch size, or fewer rows.";
        }
        if (failure instanceof DataAccessException || failure instanceof TransactionException) {
            // The database's own message can hold SQL and table names, so the job says which kind of failure it was
            // and the log, under the job's id, says the rest.
            log.error("Training job {} stopped: the database failed", jobId, failure);
            return "Training stopped: the database failed while the job ran (" + failure.getClass().getSimpleName()
                    + "; the service log has the details under this job's id). No model version was stored; start the "
                    + "job again once the database answers.";
        }
        log.error("Training job {} failed unexpectedly", jobId, failure);
        return "Training failed inside the engine: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
