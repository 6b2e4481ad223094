package dev.backprop.engine;

import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.cpu.nativecpu.blas.CpuBlas;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many native threads ND4J may use for one operation. The setting is process-wide (libnd4j's own thread pool,
 * its OpenMP runtime and OpenBLAS each keep one number), so it caps training and DL4J predictions alike. Without
 * it ND4J sizes its pools from the machine's cores whenever {@code OMP_NUM_THREADS} is unset, and one training job
 * then takes every core from the request threads.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /**
     * What the process uses, for the start-up log. libnd4j splits one operation over at most
     * {@code nd4jMasterThreads} threads of a pool of {@code nd4jThreads}; the pool's size is fixed when the library
     * loads (from {@code OMP_NUM_THREADS}, else the cores), so only the per-operation figure follows {@link #limit}.
     */
    public record Settings(int cores, int nd4jThreads, int nd4jMasterThreads, int openMpThreads, int blasThreads,
            String ompNumThreads, String ompWaitPolicy) {

        @Override
        public String toString() {
            return cores + " cores; ND4J threads per operation " + nd4jMasterThreads + " (pool " + nd4jThreads
                    + "), OpenMP " + openMpThreads + ", BLAS " + blasThreads + "; OMP_NUM_THREADS=" + ompNumThreads
                    + ", OMP_WAIT_POLICY=" + ompWaitPolicy;
        }
    }

    /** Caps every native pool ND4J computes with at {@code threads}; returns the settings now in force. */
    public static Settings limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("ND4J needs at least one thread; got " + threads);
        }
        Environment environment = Nd4j.getEnvironment();
        environment.setMaxThreads(threads);
        environment.setMaxMasterThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Blas blas = Nd4j.factory().blas();
        if (blas instanceof CpuBlas cpu) {
            cpu.setMaxThreads(threads);
        }
        return current();
    }

    public static Settings current() {
        Environment environment = Nd4j.getEnvironment();
        Blas blas = Nd4j.factory().blas();
        return new Settings(Runtime.getRuntime().availableProcessors(), environment.maxThreads(),
                environment.maxMasterThreads(), NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                blas instanceof CpuBlas cpu ? cpu.getMaxThreads() : -1, env("OMP_NUM_THREADS"), env("OMP_WAIT_POLICY"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "(unset)" : value;
    }
}
