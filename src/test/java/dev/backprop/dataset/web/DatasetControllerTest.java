package dev.backprop.dataset.web;

import org.springframework.context.annotation.Import;
import dev.backprop.support.SliceSecurity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.backprop.dataset.CsvReader;
import dev.backprop.dataset.DatasetInfo;
import dev.backprop.dataset.DatasetService;
import dev.backprop.dataset.InvalidCsvException;
import dev.backprop.dataset.SchemaInference;
import dev.backprop.shared.ConflictException;
import dev.backprop.shared.WorkingStorageException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;

@Import(SliceSecurity.class)
@WebMvcTest(DatasetController.class)
class DatasetControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    DatasetService datasets;

    @Test
    void anUploadAnswersCreatedWithTheInferredSchema() {
        byte[] csv = "a,b\n1,x\n2,\n".getBytes(StandardCharsets.UTF_8);
        var table = CsvReader.read(csv);
        given(datasets.upload(eq("tiny"), eq("tiny.csv"), any(InputStreamSource.class), eq((long) csv.length))).willReturn(new DatasetInfo(3, "tiny", "tiny.csv", csv.length, 2, 2,
                "abc", Instant.EPOCH, SchemaInference.infer(table, 100)));

        var response = assertThat(mvc.post().uri("/api/datasets")
                .multipart().file(new MockMultipartFile("file", "tiny.csv", "text/csv", csv)).param("name", "tiny"));
        response.hasStatus(201).hasHeader("Location", "/api/datasets/3");
        response.bodyJson().extractingPath("$.columns[0].type").isEqualTo("numeric");
        response.bodyJson().extractingPath("$.columns[1].type").isEqualTo("categorical");
        response.bodyJson().extractingPath("$.columns[1].missing").isEqualTo(1);
    }

    @Test
    void aBrokenCsvIsABadRequestThatSaysWhatToFix() {
        given(datasets.upload(any(), any(), any(InputStreamSource.class), anyLong())).willThrow(new InvalidCsvException("Row 2 (line 3) has 3 fields but the header has 2"));

        var response = assertThat(mvc.post().uri("/api/datasets")
                .multipart().file(new MockMultipartFile("file", "bad.csv", "text/csv", "a,b\n1,2\n1,2,3\n".getBytes())));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.errors[0].path").isEqualTo("file");
        response.bodyJson().extractingPath("$.detail").asString().contains("Row 2");
    }

    @Test
    void aFullDiskOnOurSideIsInsufficientStorageNotABadRequest() {
        given(datasets.upload(any(), any(), any(InputStreamSource.class), anyLong())).willThrow(new WorkingStorageException(
                "The server could not write this upload's working copy to its temporary directory (No space left on device).",
                new java.io.IOException("No space left on device")));

        var response = assertThat(mvc.post().uri("/api/datasets")
                .multipart().file(new MockMultipartFile("file", "ok.csv", "text/csv", "a,b\n1,2\n".getBytes())));
        response.hasStatus(507).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.type").isEqualTo("https://backprop.dev/problems/storage-full");
        response.bodyJson().extractingPath("$.detail").asString().contains("No space left on device");
    }

    @Test
    void anEmptyFileIsRefusedBeforeParsing() {
        var response = assertThat(mvc.post().uri("/api/datasets")
                .multipart().file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0])));
        response.hasStatus(400);
        response.bodyJson().extractingPath("$.detail").asString().contains("empty");
    }

    @Test
    void anUploadWithoutTheFilePartIsABadRequest() {
        var response = assertThat(mvc.post().uri("/api/datasets").multipart().param("name", "x"));
        response.hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.detail").asString().contains("'file'");
    }

    @Test
    void deletingADatasetAModelNeedsIsAConflict() {
        willThrow(new ConflictException("Dataset 1 is used by model 2 (m)")).given(datasets).delete(1, false);

        var response = assertThat(mvc.delete().uri("/api/datasets/1"));
        response.hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.detail").asString().contains("model 2");
    }

    @Test
    void forcedDeleteAnswersNoContent() {
        assertThat(mvc.delete().uri("/api/datasets/1?force=true")).hasStatus(204);
    }
}
