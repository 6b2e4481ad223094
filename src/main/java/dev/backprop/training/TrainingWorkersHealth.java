package dev.backprop.training;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Part of readiness: an instance whose training workers are not running should not take new jobs. */
@Component("trainingWorkersHealthIndicator")
class TrainingWorkersHealth implements HealthIndicator {

    private final TrainingWorkers.WorkerLifecycle workers;
    private final TrainingProperties properties;

    TrainingWorkersHealth(TrainingWorkers.WorkerLifecycle workers, TrainingProperties properties) {
        this.workers = workers;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder health = workers.isStarted() ? Health.up() : Health.outOfService();
        return health.withDetail("workers", properties.workers()).build();
    }
}
