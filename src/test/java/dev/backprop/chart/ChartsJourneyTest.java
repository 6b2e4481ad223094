package dev.backprop.chart;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Charts over HTTP: real PNG images and SVG documents with the expected titles, linked from the version and the job. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:charts;DB_CLOSE_DELAY=-1",
        "backprop.training.poll-interval=100ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartsJourneyTest {

    @LocalServerPort
    int port;

    ApiClient api;
    JsonNode version;
    JsonNode job;

    @BeforeAll
    void trainTitanic() {
        api = new ApiClient(port);
        long datasetId = api.upload("train.csv", ApiClient.resource("/data/titanic/train.csv"), "titanic").json().get("id").asLong();
        long modelId = api.defineModel("""
                {"datasetId": %d, "target": "Survived", "exclude": ["PassengerId", "Name", "Ticket", "Cabin"],
                 "layers": [{"type": "dense", "units": 16, "activation": "relu"}], "epochs": 10, "seed": 4}""".formatted(datasetId))
                .get("id").asLong();
        job = api.trainToSuccess(modelId, Duration.ofMinutes(2));
        version = api.get("/api/models/" + modelId + "/versions/1").json();
    }

    @Test
    void theRocCurveIsAPngAndAnSvgTitledAfterTheVersion() throws Exception {
        String svgLink = version.get("links").get("rocChart").asString();
        assertThat(svgLink).endsWith("/charts/roc.svg");

        assertThat(svgTitle(svgLink)).startsWith("ROC curve — model").endsWith("held-out part");
        var png = ImageIO.read(new ByteArrayInputStream(bytes(svgLink.replace(".svg", ".png"), "image/png")));
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(600);
    }

    @Test
    void theConfusionMatrixAndTheTrainingCurvesAreDrawn() throws Exception {
        assertThat(svgTitle(version.get("links").get("confusionMatrixChart").asString())).startsWith("Confusion matrix");
        assertThat(svgTitle(job.get("links").get("lossChart").asString())).startsWith("Loss per epoch — job");
        assertThat(svgTitle(job.get("links").get("accuracyChart").asString())).startsWith("Accuracy per epoch — job");
        assertThat(ImageIO.read(new ByteArrayInputStream(bytes(job.get("links").get("lossChart").asString().replace(".svg", ".png"),
                "image/png")))).isNotNull();
    }

    @Test
    void permutationImportanceFindsWhatTheCourseFindsAndDrawsIt() throws Exception {
        JsonNode importance = api.get(version.get("links").get("importance").asString() + "?repeats=5").json();
        assertThat(importance.get("metric").asString()).isEqualTo("rocAuc");
        assertThat(importance.get("baseline").asDouble())
                .isCloseTo(version.get("metrics").get("test").get("rocAuc").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
        JsonNode features = importance.get("features");
        assertThat(features.size()).isEqualTo(7);
        assertThat(features.get(0).get("column").asString()).as(features.toString()).isEqualTo("Sex");
        assertThat(features.get(0).get("drop").asDouble()).isGreaterThan(0.05);
        assertThat(features.get(0).get("std").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(svgTitle(version.get("links").get("importanceChart").asString())).startsWith("Permutation feature importance");
    }

    @Test
    void anUnknownChartOrFormatIsAProblemNotAServerError() {
        String base = version.get("links").get("self").asString();
        assertThat(api.get(base + "/charts/histogram.svg").status()).isEqualTo(404);
        ApiClient.Response gif = api.get(base + "/charts/roc.gif");
        assertThat(gif.status()).isEqualTo(400);
        assertThat(gif.body()).contains("png, svg");
    }

    private String svgTitle(String path) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes(path, "image/svg+xml")));
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        return svg.getElementsByTagName("title").item(0).getTextContent();
    }

    private byte[] bytes(String path, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        return response.body();
    }
}
