package dev.backprop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Starts the packaged jar the way the image does, without Docker: the Dockerfile's layer extraction, its COPY order,
 * its class data sharing training run, its ENTRYPOINT, its ENV; everything is read from the Dockerfile, so this
 * follows it when it changes. Run by maven-failsafe-plugin after {@code package} ({@code ./mvnw verify}).
 *
 * <p>Differences from the container, all deliberate: the {@code java} of this JVM, not the image's; the JavaCPP
 * cache and the H2 database in a temporary directory instead of /tmp/javacpp and /app/data; a free port instead of
 * 8080; this machine's user instead of uid 10001.
 */
class ContainerEntrypointIT {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    /**
     * The training run starts the whole context once and unpacks the JavaCPP cache: about 30 s on a quiet 2-core
     * machine, but over 4 minutes was seen on a shared one.
     */
    private static final Duration ARCHIVED_WITHIN = Duration.ofSeconds(600);
    private static final String ARCHIVE_OPTION = "-XX:ArchiveClassesAtExit=";
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(60);
    /** `cp target/backprop-*.jar app.jar` in the build stage. */
    private static final String JAR_GLOB = "backprop-*.jar";
    private static final Pattern JAVACPP_CACHEDIR = Pattern.compile("-Dorg\\.bytedeco\\.javacpp\\.cachedir=\\S+");

    @TempDir
    Path temp;

    private final Dockerfile dockerfile = Dockerfile.read();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void imageEntryPointBecomesReadyAndLiveAndStopsGracefullyOnSigterm() throws Exception {
        Path jar = packagedJar();
        Path extracted = extractLayers(jar);
        Path app = copyLayersLikeTheDockerfile(extracted);
        createClassDataArchive(app);

        int port = freePort();
        Path log = temp.resolve("backprop.log");
        Process process = start(app, port, log);
        try {
            long started = System.nanoTime();
            awaitReady(process, port, log);
            System.out.printf("Entry point ready after %.1f s%n", (System.nanoTime() - started) / 1e9);

            // Spring Boot names it so only when the generated bean definitions (process-aot) are what started.
            assertThat(Files.readString(log)).as("the entry point's log").contains("Starting AOT-processed BackpropApplication");
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(status(readiness)).as(readiness.body()).isEqualTo("UP");
            HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(status(liveness)).as(liveness.body()).isEqualTo("UP");

            long stopping = System.nanoTime();
            process.destroy(); // SIGTERM, as `docker stop` and the kubelet send it
            boolean exited = process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS);
            assertThat(exited).as("exited within %s of SIGTERM", STOPPED_WITHIN).isTrue();
            System.out.printf("Stopped %.1f s after SIGTERM with exit code %d%n",
                    (System.nanoTime() - stopping) / 1e9, process.exitValue());
            // 143 = 128 + SIGTERM: the JVM ran its shutdown hooks (Spring's graceful shutdown) and exited.
            assertThat(process.exitValue()).as("exit code").isIn(0, 143);
        } catch (Throwable t) {
            System.out.println("---- output of the entry point (" + log + ") ----");
            System.out.println(Files.exists(log) ? Files.readString(log) : "(none)");
            System.out.println("---- end of output ----");
            throw t;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The single jar that the build stage's `cp target/backprop-*.jar app.jar` would copy. */
    private static Path packagedJar() throws IOException {
        Path target = Path.of("target");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + JAR_GLOB);
        List<Path> jars;
        try (Stream<Path> files = Files.list(target)) {
            jars = files.filter(f -> matcher.matches(f.getFileName())).toList();
        } catch (IOException e) {
            throw new AssertionError("No target/ directory: run `./mvnw verify` (the jar is built by package)", e);
        }
        assertThat(jars).as("target/%s (built by the package phase; `cp` needs exactly one)", JAR_GLOB).hasSize(1);
        return jars.get(0);
    }

    /** Runs the build stage's `java -Djarmode=tools -jar app.jar extract ...` on the packaged jar. */
    private Path extractLayers(Path jar) throws Exception {
        List<String> command = Dockerfile.words(extractCommand());
        Path destination = temp.resolve("extracted");
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i);
            if (i == 0 && word.equals("java")) {
                resolved.add(java);
            } else if (i > 0 && command.get(i - 1).equals("-jar")) {
                resolved.add(jar.toAbsolutePath().toString());
            } else if (i > 0 && command.get(i - 1).equals("--destination")) {
                resolved.add(destination.toString());
            } else {
                resolved.add(word);
            }
        }
        assertThat(resolved).as("extract command").contains("--destination");

        Path log = temp.resolve("extract.log");
        Process extract = new ProcessBuilder(resolved).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = extract.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            extract.destroyForcibly();
        }
        assertThat(done && extract.exitValue() == 0).as("%s%n%s", resolved, Files.readString(log)).isTrue();
        return destination;
    }

    /** The `java -Djarmode=tools ...` part of the build stage's RUN instruction. */
    private String extractCommand() {
        for (Dockerfile.Instruction run : dockerfile.stages().get(0).all("RUN")) {
            for (String part : run.arguments().split("&&")) {
                if (part.contains("-Djarmode=tools")) {
                    return part.strip();
                }
            }
        }
        throw new AssertionError("The build stage has no RUN with `java -Djarmode=tools ... extract`");
    }

    /**
     * Copies the extracted layer directories into one directory in the order of the final stage's
     * `COPY --from=build <workdir>/<destination>/<layer>/ ./` instructions, as the image build does.
     */
    private Path copyLayersLikeTheDockerfile(Path extracted) throws IOException {
        Dockerfile.Stage build = dockerfile.stages().get(0);
        String destinationName = Dockerfile.words(extractCommand()).stream().dropWhile(w -> !w.equals("--destination"))
                .skip(1).findFirst().orElseThrow();
        String prefix = build.workdir().replaceAll("/+$", "") + "/" + destinationName + "/";
        String appWorkdir = dockerfile.finalStage().workdir().replaceAll("/+$", "");

        Path app = temp.resolve("app");
        Files.createDirectories(app);
        List<String> copied = new ArrayList<>();
        for (Dockerfile.Instruction copy : dockerfile.finalStage().all("COPY")) {
            List<String> words = Dockerfile.words(copy.arguments());
            if (!words.contains("--from=" + build.name())) {
                continue;
            }
            List<String> paths = words.stream().filter(w -> !w.startsWith("--")).toList();
            assertThat(paths).as("COPY %s", copy.arguments()).hasSize(2);
            String source = paths.get(0);
            String target = paths.get(1).replaceAll("/+$", "");
            assertThat(source).as("COPY source").startsWith(prefix);
            assertThat(target).as("COPY target (the WORKDIR)").isIn("", ".", appWorkdir);

            String layer = source.substring(prefix.length()).replaceAll("/+$", "");
            Path layerDir = extracted.resolve(layer);
            assertThat(layerDir).as("the COPY source %s exists in the extracted jar", source).isDirectory();
            copyTree(layerDir, app);
            copied.add(layer);
        }
        System.out.println("Layers copied in Dockerfile order: " + copied);

        Set<String> layers = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(extracted)) {
            dirs.filter(Files::isDirectory).forEach(d -> layers.add(d.getFileName().toString()));
        }
        assertThat(copied).as("the Dockerfile copies every extracted layer, once")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(layers);
        return app;
    }

    /**
     * Runs the final stage's `java -XX:ArchiveClassesAtExit=... ` RUN in the application directory with the image's
     * ENV, as the image build does (only its JavaCPP cache is moved to the temporary directory).
     */
    private void createClassDataArchive(Path app) throws Exception {
        List<String> command = new ArrayList<>();
        for (String word : Dockerfile.words(trainingCommand())) {
            command.add(command.isEmpty() && word.equals("java") ? java
                    : JAVACPP_CACHEDIR.matcher(word).matches() ? cachedirOption() : word);
        }
        String archive = command.stream().filter(w -> w.startsWith(ARCHIVE_OPTION)).findFirst().orElseThrow()
                .substring(ARCHIVE_OPTION.length());
        Path log = temp.resolve("archive.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        imageEnvironment(builder.environment());
        long started = System.nanoTime();
        Process training = builder.start();
        boolean done = training.waitFor(ARCHIVED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            training.destroyForcibly();
        }
        assertThat(done && training.exitValue() == 0).as("%s%n%s", command, Files.readString(log)).isTrue();
        assertThat(app.resolve(archive)).as("the class data archive").isRegularFile();
        System.out.printf("Class data archive %s written in %.1f s%n", archive, (System.nanoTime() - started) / 1e9);
    }

    /** The `java -XX:ArchiveClassesAtExit=...` part of the final stage's RUN instructions. */
    private String trainingCommand() {
        for (Dockerfile.Instruction run : dockerfile.finalStage().all("RUN")) {
            for (String part : run.arguments().split("&&")) {
                if (part.contains(ARCHIVE_OPTION)) {
                    return part.strip();
                }
            }
        }
        throw new AssertionError("The final stage has no RUN with `java " + ARCHIVE_OPTION + "...`");
    }

    private Process start(Path app, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>(dockerfile.entrypoint());
        assertThat(command.get(0)).as("ENTRYPOINT starts java").isEqualTo("java");
        command.set(0, java);

        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        imageEnvironment(env);
        Map<String, String> overrides = new LinkedHashMap<>();
        // -Xshare:on makes the JVM refuse to start rather than quietly ignore an archive it cannot map.
        overrides.put("JAVA_TOOL_OPTIONS", env.get("JAVA_TOOL_OPTIONS") + " -Xshare:on");
        overrides.put("SERVER_PORT", Integer.toString(port));
        overrides.put("SPRING_DATASOURCE_URL",
                "jdbc:h2:file:" + temp.resolve("data").resolve("backprop") + ";DB_CLOSE_ON_EXIT=FALSE");
        env.putAll(overrides);
        System.out.println("Starting " + command + " in " + app + " with " + env);
        return builder.start();
    }

    /** The container sees the base image's environment plus the Dockerfile's ENV, not this machine's. */
    private void imageEnvironment(Map<String, String> env) {
        Map<String, String> imageEnv = dockerfile.finalStage().env();
        assertThat(imageEnv).containsKeys("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "JAVA_TOOL_OPTIONS");
        String javaToolOptions = imageEnv.get("JAVA_TOOL_OPTIONS");
        Matcher cachedir = JAVACPP_CACHEDIR.matcher(javaToolOptions);
        javaToolOptions = cachedir.find()
                ? cachedir.replaceFirst(Matcher.quoteReplacement(cachedirOption()))
                : javaToolOptions + " " + cachedirOption();
        env.clear();
        env.put("PATH", Path.of(java).getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.putAll(imageEnv);
        env.put("JAVA_TOOL_OPTIONS", javaToolOptions);
    }

    private String cachedirOption() {
        return "-Dorg.bytedeco.javacpp.cachedir=" + temp.resolve("javacpp");
    }

    private void awaitReady(Process process, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The entry point exited with code " + process.exitValue()
                        + " before becoming ready (its output is printed with this test)");
            }
            try {
                HttpResponse<String> response = get(port, "/actuator/health/readiness");
                if (response.statusCode() == 200 && "UP".equals(status(response))) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (ConnectException | HttpTimeoutException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("/actuator/health/readiness not 200 UP within " + READY_WITHIN + ": " + last);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The top-level "status" of an actuator health answer (JSON is also YAML). */
    private static String status(HttpResponse<String> response) {
        try {
            Object body = new Yaml().load(response.body());
            return body instanceof Map<?, ?> map ? String.valueOf(map.get("status")) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Merges a directory tree into another, as `COPY dir/ ./` does. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
