package dev.backprop.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API as the benchmark uses it: every request carries the API key. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    Api(int port, String key) {
        this.base = "http://127.0.0.1:" + port;
        this.key = key;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).header("Accept", contentType.startsWith("text/csv")
                ? "text/csv" : "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    Response postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    long upload(String filename, byte[] content) {
        String boundary = "----bench" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + filename + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Response response = post("/api/datasets", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        return expect(response, 201).json().get("id").asLong();
    }

    long defineModel(String definition) {
        return expect(postJson("/api/models", definition), 201).json().get("id").asLong();
    }

    /** Submits a training job and returns its id. */
    long startTraining(long modelId) {
        return expect(postJson("/api/models/" + modelId + "/training-jobs", ""), 202).json().get("id").asLong();
    }

    /**
     * Polls the job until it ends; fails unless it succeeded. Every 20 ms without the history: the job's time then
     * includes 10 ms on average of the client not knowing yet (25 ms at the earlier 50 ms, almost 1% of a 3 s Titanic
     * job), while polling costs the server next to nothing (with the history, 50 answers a second of a growing list
     * slowed jobs measurably).
     */
    JsonNode awaitSuccess(long jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode job = expect(get("/api/training-jobs/" + jobId + "?history=false"), 200).json();
            String status = job.get("status").asString();
            if (status.equals("SUCCEEDED")) {
                return job;
            }
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new IllegalStateException("Training job " + jobId + " ended " + status + ": " + job);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Training job " + jobId + " did not finish within " + timeout);
            }
            sleep(20);
        }
    }

    static Response expect(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("Expected HTTP " + status + " but got " + response.status() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5)).header("X-API-Key", key);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
