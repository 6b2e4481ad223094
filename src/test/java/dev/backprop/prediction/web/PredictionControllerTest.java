package dev.backprop.prediction.web;

import org.springframework.context.annotation.Import;
import dev.backprop.support.SliceSecurity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.backprop.dataset.DatasetProperties;
import dev.backprop.prediction.BatchHelpers;
import dev.backprop.prediction.PredictionProperties;
import dev.backprop.prediction.PredictionService;
import dev.backprop.prediction.Predictions;
import dev.backprop.prediction.RowPrediction;
import dev.backprop.prediction.TablePredictions;
import dev.backprop.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;

@Import({SliceSecurity.class, BatchHelpers.class, SingleRowRouting.class})
@WebMvcTest(PredictionController.class)
@EnableConfigurationProperties({DatasetProperties.class, PredictionProperties.class})
class PredictionControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PredictionService predictions;

    @Autowired
    dev.backprop.shared.web.DirectRoute route;

    @Test
    void queryParametersAreTheFeaturesAndVersionAndThresholdAreNot() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Sex", "female");
        expected.put("Age", "");
        given(predictions.predict(eq(1L), eq(Optional.of(2)), eq(List.of(expected)), isNull(), eq(0.3)))
                .willReturn(binary(0.75));

        var response = assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&Age=&version=2&threshold=0.3"));
        response.hasStatus(200);
        // Served through the direct route, not by trying every request mapping.
        assertThat(response.actual().getMvcResult().getHandler()).isSameAs(route.handler());
        response.bodyJson().extractingPath("$.probability").isEqualTo(0.75);
        response.bodyJson().extractingPath("$.prediction").isEqualTo("yes");
        response.bodyJson().extractingPath("$.version").isEqualTo(2);
        response.bodyJson().extractingPath("$.probabilities.no").isEqualTo(0.25);
    }

    @Test
    void aFeatureGivenTwiceIsABadRequest() {
        var response = assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&Sex=male"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("Sex");
    }

    @Test
    void aVersionOrThresholdThatIsNotANumberIsABadRequestNamingTheParameter() {
        var version = assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&version=two"));
        version.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        version.bodyJson().extractingPath("$.errors[0].path").isEqualTo("version");
        version.bodyJson().extractingPath("$.detail").isEqualTo("parameter 'version' has the wrong type: 'two' is not a valid Integer");

        var threshold = assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&threshold=high"));
        threshold.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        threshold.bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("parameter 'threshold' has the wrong type: 'high' is not a valid Double");
    }

    @Test
    void aModelIdThatIsNotANumberGetsTheAnswerOfTheOtherEndpoints() {
        var single = assertThat(mvc.get().uri("/api/models/abc/predict?Sex=female"));
        single.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        single.bodyJson().extractingPath("$.detail").isEqualTo("parameter 'id' has the wrong type: 'abc' is not a valid long");
        single.bodyJson().extractingPath("$.errors[0].path").isEqualTo("id");

        // The batch endpoint binds its id with @PathVariable: both must say the same.
        var batch = assertThat(mvc.post().uri("/api/models/abc/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("[{\"Sex\": \"female\"}]"));
        batch.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        batch.bodyJson().extractingPath("$.detail").isEqualTo("parameter 'id' has the wrong type: 'abc' is not a valid long");
    }

    @Test
    void anEmptyVersionOrThresholdIsTheDefault() {
        given(predictions.predict(eq(1L), eq(Optional.empty()), eq(List.of(Map.of("Sex", "female"))), isNull(), isNull()))
                .willReturn(binary(0.75));
        assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&version=&threshold=")).hasStatus(200);
    }

    @Test
    void aRepeatedVersionOrThresholdCountsOnceAsItsFirstValue() {
        given(predictions.predict(eq(1L), eq(Optional.of(3)), eq(List.of(Map.of("Sex", "female"))), isNull(), eq(0.25)))
                .willReturn(binary(0.75));
        assertThat(mvc.get().uri("/api/models/1/predict?Sex=female&version=3&version=4&threshold=0.25&threshold=x"))
                .hasStatus(200);
    }

    @Test
    void inputProblemsNameTheColumn() {
        given(predictions.predict(eq(1L), any(), any(), any(), any()))
                .willThrow(new InvalidRequestException("Age", "'old' is not a number; column 'Age' is numeric"));

        var response = assertThat(mvc.get().uri("/api/models/1/predict?Age=old"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("Age");
    }

    @Test
    void csvInCsvOutWithPredictionColumnsAppended() {
        given(predictions.maxRows()).willReturn(100);
        given(predictions.predictTable(eq(1L), eq(Optional.empty()), eq(List.of("Sex", "Note")), any(), any(), isNull()))
                .willReturn(binaryRows(0.75, 1));

        var response = assertThat(mvc.post().uri("/api/models/1/predictions").contentType("text/csv").accept("text/csv")
                .content("Sex,Note\nfemale,=HYPERLINK(\"x\")\n"));
        response.hasStatus(200).hasContentTypeCompatibleWith("text/csv");
        response.body().asString().isEqualToNormalizingNewlines("""
                Sex,Note,prediction,probability_no,probability_yes
                female,"'=HYPERLINK(""x"")",yes,0.25,0.75
                """);
    }

    @Test
    void largeCsvIsPredictedChunkByChunkWithRowNumbersCountedAcrossChunks() {
        given(predictions.maxRows()).willReturn(100_000);
        List<String> firstRowNames = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        given(predictions.predictTable(eq(1L), eq(Optional.empty()), eq(List.of("id", "Sex")), any(), any(), isNull()))
                .willAnswer(call -> {
                    List<?> rows = call.getArgument(3);
                    java.util.function.IntFunction<String> rowPath = call.getArgument(4);
                    firstRowNames.add(rowPath.apply(0));
                    return binaryRows(0.75, rows.size());
                });
        StringBuilder csv = new StringBuilder("id,Sex\n");
        for (int i = 1; i <= 2_500; i++) {
            csv.append(i).append(",female\n");
        }

        var result = mvc.post().uri("/api/models/1/predictions").contentType("text/csv").accept("text/csv")
                .content(csv.toString()).exchange();

        assertThat(result).hasStatus(200);
        String[] lines = new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\r?\n");
        assertThat(lines).hasSize(2_501);
        assertThat(lines[0]).isEqualTo("id,Sex,prediction,probability_no,probability_yes");
        assertThat(lines[2_500]).isEqualTo("2500,female,yes,0.25,0.75");
        // Chunks are predicted two at a time (see CsvPredictions), so they may be asked for in either order.
        assertThat(firstRowNames).as("chunks of 1,024 rows, numbered from the file's first row")
                .containsExactlyInAnyOrder("row 1", "row 1025", "row 2049");
    }

    @Test
    void csvWithMoreRowsThanTheLimitIsRefusedWithoutPredicting() {
        given(predictions.maxRows()).willReturn(3);

        var response = assertThat(mvc.post().uri("/api/models/1/predictions").contentType("text/csv").accept("text/csv")
                .content("Sex\nfemale\nmale\nfemale\nmale\n"));

        response.hasStatus(413);
        org.mockito.Mockito.verify(predictions, org.mockito.Mockito.never()).predictTable(any(Long.class), any(), any(), any(),
                any(), any());
    }

    @Test
    void jsonRowsMustBeObjectsOfPlainValues() {
        var response = assertThat(mvc.post().uri("/api/models/1/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("[{\"Sex\": {\"nested\": true}}]"));
        response.hasStatus(400);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("$[0].Sex");
    }

    private static TablePredictions binaryRows(double yes, int rows) {
        String[] labels = new String[rows];
        double[] numbers = new double[2 * rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = "yes";
            numbers[2 * r] = 1 - yes;
            numbers[2 * r + 1] = yes;
        }
        return new TablePredictions(List.of("prediction", "probability_no", "probability_yes"), labels, numbers);
    }

    private static Predictions binary(double yes) {
        Map<String, Double> probabilities = new LinkedHashMap<>();
        probabilities.put("no", 1 - yes);
        probabilities.put("yes", yes);
        return new Predictions(1, 2, "binary", "yes", 0.5, List.of("no", "yes"),
                List.of(new RowPrediction("yes", yes, probabilities, null, List.of())));
    }
}
