package dev.backprop.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bytedeco.javacpp.Pointer;
import org.springframework.stereotype.Component;

/**
 * ND4J's off-heap memory as JavaCPP accounts for it, next to the JVM's own metrics: what its buffers hold now, the
 * limits JavaCPP enforces (maxbytes, maxphysicalbytes), and the process's resident memory as JavaCPP measures it
 * for the second limit.
 */
@Component
class NativeMemoryMetrics implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "tracked", "off-heap bytes held by ND4J/JavaCPP buffers (limit: maxbytes)", Pointer::totalBytes);
        gauge(registry, "tracked_max", "org.bytedeco.javacpp.maxbytes", Pointer::maxBytes);
        gauge(registry, "physical", "the process's resident memory as JavaCPP measures it (limit: maxphysicalbytes)",
                Pointer::physicalBytes);
        gauge(registry, "physical_max", "org.bytedeco.javacpp.maxphysicalbytes", Pointer::maxPhysicalBytes);
    }

    private static void gauge(MeterRegistry registry, String kind, String description,
            java.util.function.LongSupplier value) {
        Gauge.builder("backprop.native.memory", () -> (double) value.getAsLong())
                .description("Native memory (JavaCPP): " + description)
                .baseUnit("bytes")
                .tag("kind", kind)
                .register(registry);
    }
}
