package dev.backprop.dataset;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** How much uploaded data the database holds (read at scrape time). */
@Component
class DatasetMetrics {

    DatasetMetrics(MeterRegistry registry, DatasetRepository datasets) {
        Gauge.builder("backprop.datasets.stored", datasets, DatasetMetrics::bytes)
                .description("Bytes of uploaded CSV stored")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder("backprop.datasets", datasets, repository -> repository.count())
                .description("Datasets stored")
                .register(registry);
    }

    private static double bytes(DatasetRepository datasets) {
        return datasets.totalSizeBytes();
    }
}
