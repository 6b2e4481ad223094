package dev.backprop.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The jar laid out as the Dockerfile ships it, so that start-up is measured the shipped way: extracted (backprop.jar
 * with lib/ next to it), ahead-of-time processed context on, and with the class data sharing archive that the image
 * build's training run creates. Both
 * commands mirror the Dockerfile's; the training run is build time, so it is not part of the start-up figure.
 */
final class ShippedLayout {

    static final String APPLICATION = "backprop.jar";
    static final String ARCHIVE = "backprop.jsa";
    /** The image runs the context that the build processed ahead of time. */
    static final String AOT = "-Dspring.aot.enabled=true";

    private ShippedLayout() {
    }

    /** Extracts the jar into a fresh directory and creates the archive there; returns the directory. */
    static Path prepare(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("backprop-bench-app-");
        run(dir, List.of(Server.javaBinary(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", dir.toString(), "--force", "--application-filename", APPLICATION));
        // The same JavaCPP cache as the server's own runs: the benchmark measures start-up with a warm cache.
        run(dir, List.of(Server.javaBinary(), "-XX:ArchiveClassesAtExit=" + ARCHIVE, "-Dspring.context.exit=onRefresh",
                AOT, "-jar", APPLICATION, "--spring.datasource.url=jdbc:h2:mem:cds"));
        return dir;
    }

    private static void run(Path dir, List<String> command) throws IOException {
        System.out.println("  " + String.join(" ", command));
        Path log = dir.resolve("prepare.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + command + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
