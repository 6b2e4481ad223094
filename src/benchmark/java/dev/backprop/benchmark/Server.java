package dev.backprop.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packaged jar started as the image starts it ({@link ShippedLayout}: extracted, with its class data sharing
 * archive; OpenMP settings, bootstrap admin key) in its freshly extracted directory, so H2 starts empty. Watches its
 * resident memory in the background.
 */
final class Server implements AutoCloseable {

    final int port;
    final String key;
    final double startupSeconds;
    /** CPU time (all threads: the JIT compilers' too) the process had used when it was ready. */
    final double startupCpuSeconds;
    private final Process process;
    private final Path workDir;
    private final AtomicLong peakRssKb = new AtomicLong();
    private volatile boolean watching = true;

    private Server(Process process, Path workDir, int port, String key, double startupSeconds) {
        this.process = process;
        this.startupCpuSeconds = cpuSeconds();
        this.workDir = workDir;
        this.port = port;
        this.key = key;
        this.startupSeconds = startupSeconds;
        Thread watcher = new Thread(this::watchRss, "rss-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    static Server start(Path jar) throws IOException {
        return start(jar, List.of(), List.of());
    }

    /**
     * Starts the jar as the image does (extracted, with its class data sharing archive). {@code jvmOptions} go before
     * {@code -jar} (a JFR recording, say), {@code settings} after it ({@code --name=value}).
     */
    static Server start(Path jar, List<String> jvmOptions, List<String> settings) throws IOException {
        Path app = ShippedLayout.prepare(jar);
        Path workDir = Files.createTempDirectory("backprop-bench-");
        int port = freePort();
        String key = randomKey();
        // From the application directory, as the image's WORKDIR: the archive records the class path as the training
        // run saw it (backprop.jar, lib/...), and a JVM started elsewhere silently ignores it. -Xshare:on makes that a
        // failure instead of a start-up measured without the archive. The directory is fresh, so H2 starts empty.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xshare:on",
                "-XX:SharedArchiveFile=" + ShippedLayout.ARCHIVE, ShippedLayout.AOT));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ShippedLayout.APPLICATION,
                "--server.port=" + port,
                "--backprop.security.bootstrap-admin-key=" + key,
                "--backprop.benchmark.ceiling-endpoint=true"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        long start = System.nanoTime();
        Process process = builder.start();
        // Whatever ends the harness (Ctrl-C included), the server goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        awaitReady(process, port, key, workDir);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Server(process, workDir, port, key, seconds);
    }

    /** Resident memory now, in MB. */
    double rssMb() {
        return rss(process.pid()) / 1024.0;
    }

    /**
     * CPU time the server process has used so far (user and system, all threads), in seconds: per request, it says
     * what a path costs even when other processes make throughput on the shared cores unreliable.
     */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            // Fields after the command name, which is in parentheses and may itself hold spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** Largest resident memory seen since the last reset, in MB. */
    double peakRssMb() {
        return peakRssKb.get() / 1024.0;
    }

    void resetPeak() {
        peakRssKb.set(rss(process.pid()));
    }

    Path log() {
        return workDir.resolve("server.log");
    }

    @Override
    public void close() {
        watching = false;
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void watchRss() {
        while (watching && process.isAlive()) {
            long now = rss(process.pid());
            peakRssKb.accumulateAndGet(now, Math::max);
            Api.sleep(200);
        }
    }

    static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static void awaitReady(Process process, int port, String key, Path workDir) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .header("X-API-Key", key).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server exited during start-up; see " + workDir.resolve("server.log"));
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Api.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server was not ready within 3 minutes; see " + workDir.resolve("server.log"));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String randomKey() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            key.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return key.toString();
    }
}
