package dev.backprop.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for end-to-end tests: real requests to a running server, JSON parsed with Jackson. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String base;
    private final String apiKey;

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public ApiClient(int port) {
        this(port, null);
    }

    /** A client that sends {@code apiKey} in the {@code X-API-Key} header of every request (none if null). */
    public ApiClient(int port, String apiKey) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.apiKey = apiKey;
    }

    public ApiClient withKey(String key) {
        return new ApiClient(port, key);
    }

    public static byte[] resource(String path) {
        try (InputStream in = ApiClient.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a CSV a test needs as a fixture and returns its id; fails the test unless it was stored (201). */
    public long uploadId(String filename, byte[] content, String name) {
        Response upload = upload(filename, content, name);
        if (upload.status() != 201) {
            throw new AssertionError("Uploading " + filename + " answered " + upload.status() + ": " + upload.body());
        }
        return upload.json().get("id").asLong();
    }

    public Response upload(String filename, byte[] content, String name) {
        String boundary = "----backprop" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n");
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + "/api/datasets"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Response postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Any method, an empty JSON body for methods that carry one. */
    public Response request(String method, String path) {
        HttpRequest.BodyPublisher body = "GET".equals(method) || "DELETE".equals(method)
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, body));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Defines a model from a JSON definition; fails the test unless it is created. */
    public JsonNode defineModel(String definition) {
        Response model = postJson("/api/models", definition);
        if (model.status() != 201) {
            throw new AssertionError("Model not created (" + model.status() + "): " + model.body());
        }
        return model.json();
    }

    /** Starts training and waits for the job; fails the test unless it succeeds. Returns the finished job. */
    public JsonNode trainToSuccess(long modelId, Duration timeout) {
        String location = postJson("/api/models/" + modelId + "/training-jobs", "").header("Location");
        JsonNode job = awaitJob(location, timeout);
        if (!"SUCCEEDED".equals(job.get("status").asString())) {
            throw new AssertionError("Training did not succeed: " + job);
        }
        return job;
    }

    /** The metrics of a trained version on its held-out part. */
    public JsonNode testMetrics(long modelId, int version) {
        return get("/api/models/" + modelId + "/versions/" + version).json().get("metrics").get("test");
    }

    /** Polls a job until it is finished; fails the test if it takes longer than {@code timeout}. */
    public JsonNode awaitJob(String location, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> finished = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
        while (true) {
            JsonNode job = get(location).json();
            if (finished.contains(job.get("status").asString())) {
                return job;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Job " + location + " did not finish within " + timeout + ": " + job);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            if (apiKey != null) {
                request.header("X-API-Key", apiKey);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
