package dev.backprop.model.web;

import org.springframework.context.annotation.Import;
import dev.backprop.support.SliceSecurity;
import java.time.Instant;
import java.util.List;

import dev.backprop.model.ModelDefinition;
import dev.backprop.model.ModelInfo;
import dev.backprop.model.ModelService;
import dev.backprop.model.NetworkSummary;
import dev.backprop.shared.InvalidRequestException;
import dev.backprop.shared.NotFoundException;
import dev.backprop.shared.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

@Import(SliceSecurity.class)
@WebMvcTest(ModelController.class)
class ModelControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ModelService models;

    @Test
    void aValidDefinitionIsCreatedWithLocationAndLinks() {
        given(models.define(any())).willReturn(new ModelInfo(7, "m", 1, false,
                new ModelDefinition("m", 1L, "Survived", null, null, "binary", "1", null, null, null, null, null, null, null,
                        null, null, null),
                new NetworkSummary(3, List.of(), List.of(), 0), Instant.EPOCH, null));

        assertThat(mvc.post().uri("/api/models").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": 1, \"target\": \"Survived\"}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/models/7")
                .bodyJson().extractingPath("$.links.train").isEqualTo("/api/models/7/training-jobs");
    }

    @Test
    void validationProblemsBecomeProblemDetailsWithEveryErrorAndItsPath() {
        given(models.define(any())).willThrow(new InvalidRequestException("The model definition has 2 problems; see errors.",
                List.of(new Violation("$.layers[0].activation", "unknown activation 'relux'; allowed: [relu, sigmoid]"),
                        new Violation("$.target", "no column 'Survivd' in dataset 1"))));

        var response = assertThat(mvc.post().uri("/api/models").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": 1, \"target\": \"Survivd\"}"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.type").isEqualTo("https://backprop.dev/problems/invalid-request");
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("$.layers[0].activation");
        response.bodyJson().extractingPath("$.errors[1].message").isEqualTo("no column 'Survivd' in dataset 1");
    }

    @Test
    void anUnknownFieldIsRejectedWithItsPath() {
        var response = assertThat(mvc.post().uri("/api/models").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": 1, \"target\": \"y\", \"layers\": [{\"type\": \"dense\", \"unit\": 3}]}"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("$.layers[0].unit");
        response.bodyJson().extractingPath("$.errors[0].message").asString().contains("unknown field 'unit'").contains("units");
        verifyNoInteractions(models);
    }

    @Test
    void aWrongTypeIsRejectedWithItsPath() {
        var response = assertThat(mvc.post().uri("/api/models").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": 1, \"target\": \"y\", \"epochs\": \"many\"}"));
        response.hasStatus(400);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("$.epochs");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        var response = assertThat(mvc.post().uri("/api/models").contentType(MediaType.APPLICATION_JSON)
                .content("{\"datasetId\": 1, \"target\": "));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.type").isEqualTo("https://backprop.dev/problems/malformed-body");
        response.bodyJson().extractingPath("$.detail").asString().contains("malformed JSON");
    }

    @Test
    void anUnknownModelIsNotFound() {
        given(models.get(42)).willThrow(new NotFoundException("Model", 42));

        var response = assertThat(mvc.get().uri("/api/models/42"));
        response.hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.detail").isEqualTo("Model 42 does not exist");
    }

    @Test
    void aNonNumericIdIsABadRequest() {
        var response = assertThat(mvc.get().uri("/api/models/abc"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("id");
    }
}
