package dev.backprop.training.web;

import org.springframework.context.annotation.Import;
import dev.backprop.support.SliceSecurity;
import java.time.Duration;
import java.time.Instant;

import dev.backprop.shared.BusyException;
import dev.backprop.shared.ConflictException;
import dev.backprop.training.JobStatus;
import dev.backprop.training.JobView;
import dev.backprop.training.TrainingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@Import(SliceSecurity.class)
@WebMvcTest(TrainingJobController.class)
class TrainingJobControllerTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    TrainingService training;

    @Test
    void submittingAnswersAcceptedWithTheJobsLocation() {
        given(training.submit(4)).willReturn(new JobView(11, 4, dev.backprop.training.JobKind.TRAINING, JobStatus.QUEUED, null, 0, 50, null, null, null, 0, null, null, false, null,
                Instant.EPOCH, null, null, null, null));

        var response = assertThat(mvc.post().uri("/api/models/4/training-jobs"));
        response.hasStatus(202).hasHeader("Location", "/api/training-jobs/11");
        response.bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
    }

    @Test
    void aFullQueueAnswersServiceUnavailableWithRetryAfter() {
        given(training.submit(4)).willThrow(new BusyException("The training queue is full", Duration.ofSeconds(30)));

        var response = assertThat(mvc.post().uri("/api/models/4/training-jobs"));
        response.hasStatus(503).hasHeader("Retry-After", "30").hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.bodyJson().extractingPath("$.type").isEqualTo("https://backprop.dev/problems/busy");
    }

    @Test
    void cancellingAFinishedJobIsAConflict() {
        given(training.cancel(3)).willThrow(new ConflictException("Training job 3 has already finished (SUCCEEDED)"));

        assertThat(mvc.post().uri("/api/training-jobs/3/cancel")).hasStatus(409)
                .bodyJson().extractingPath("$.detail").asString().contains("already finished");
    }
}
