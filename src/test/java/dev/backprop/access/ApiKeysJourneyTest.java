package dev.backprop.access;

import java.time.Duration;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A team's day with keys: the admin hands out keys, a trainer trains, an app predicts, a leaked key is revoked. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-keys-journey;DB_CLOSE_DELAY=-1",
        "backprop.security.dev-mode=false",
        "backprop.security.bootstrap-admin-key=" + ApiKeysJourneyTest.ADMIN_KEY})
class ApiKeysJourneyTest {

    static final String ADMIN_KEY = "bp_journey-admin-key-from-a-kubernetes-secret";

    @LocalServerPort
    int port;

    @Test
    void keysGiveEachRoleItsWorkAndRevokedKeysStopWorking() {
        ApiClient admin = new ApiClient(port, ADMIN_KEY);
        ApiClient.Response issued = admin.postJson("/api/keys", "{\"name\": \"analyst\", \"role\": \"trainer\"}");
        assertThat(issued.status()).isEqualTo(201);
        String trainerKey = issued.json().get("key").asString();
        assertThat(trainerKey).startsWith("bp_").hasSizeGreaterThan(40);
        assertThat(issued.json().get("prefix").asString()).isEqualTo(trainerKey.substring(0, 10));
        ApiClient trainer = new ApiClient(port, trainerKey);

        long datasetId = trainer.upload("processed_data.csv", ApiClient.resource("/data/titanic/processed_data.csv"),
                "titanic").json().get("id").asLong();
        long modelId = trainer.defineModel("""
                {"datasetId": %d, "target": "Survived", "preset": "logistic-regression", "epochs": 5, "seed": 1}"""
                .formatted(datasetId)).get("id").asLong();
        trainer.trainToSuccess(modelId, Duration.ofMinutes(2));

        String predictorKey = admin.postJson("/api/keys", "{\"name\": \"ward dashboard\", \"role\": \"predictor\"}")
                .json().get("key").asString();
        ApiClient app = new ApiClient(port, predictorKey);
        JsonNode firstRow = trainer.get("/api/datasets/" + datasetId + "/rows?limit=1").json().get("rows").get(0);
        StringBuilder query = new StringBuilder();
        firstRow.properties().forEach(cell -> {
            if (!cell.getKey().equals("Survived")) {
                query.append(query.isEmpty() ? "?" : "&").append(cell.getKey()).append('=').append(cell.getValue().asString());
            }
        });
        ApiClient.Response prediction = app.get("/api/models/" + modelId + "/predict" + query);
        assertThat(prediction.status()).as(prediction.body()).isEqualTo(200);
        assertThat(app.get("/api/datasets/" + datasetId + "/rows").status()).as("predictors never see training data")
                .isEqualTo(403);
        assertThat(trainer.delete("/api/datasets/" + datasetId + "?force=true").status()).as("deletes are for admins")
                .isEqualTo(403);

        JsonNode listed = admin.get("/api/keys").json();
        assertThat(listed.toString()).doesNotContain(trainerKey).doesNotContain(predictorKey).doesNotContain(ADMIN_KEY);
        assertThat(listed.size()).isEqualTo(3);

        long predictorId = app.get("/api/keys/me").json().get("keyId").asLong();
        assertThat(app.get("/api/keys/me").json().get("role").asString()).isEqualTo("predictor");
        ApiClient.Response revoked = admin.delete("/api/keys/" + predictorId);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        ApiClient.Response afterRevocation = app.get("/api/models/" + modelId + "/predict" + query);
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.json().get("detail").asString()).contains("revoked");
    }

    @Test
    void theLastAdminKeyCannotBeRevokedAndBadRequestsSayWhy() {
        ApiClient admin = new ApiClient(port, ADMIN_KEY);
        long adminId = admin.get("/api/keys/me").json().get("keyId").asLong();
        ApiClient.Response refused = admin.delete("/api/keys/" + adminId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("last active admin key");

        ApiClient.Response badRole = admin.postJson("/api/keys", "{\"name\": \"x\", \"role\": \"superuser\"}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().get("errors").get(0).get("path").asString()).isEqualTo("$.role");
        ApiClient.Response noName = admin.postJson("/api/keys", "{\"role\": \"predictor\"}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").get(0).get("path").asString()).isEqualTo("$.name");
        assertThat(admin.delete("/api/keys/424242").status()).isEqualTo(404);
    }
}
