package dev.backprop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.support.SliceSecurity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The switch is read at run time (the ahead-of-time processed context cannot add or drop the bean by a property). */
@Import({SliceSecurity.class, CeilingRouting.class})
@WebMvcTest(CeilingController.class)
class CeilingControllerTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void offByDefaultItIsTheNotFoundOfAPathNothingServes() {
        var ceiling = assertThat(mvc.get().uri("/api/benchmark/ceiling"));
        var unmapped = assertThat(mvc.get().uri("/api/benchmark/nothing-here"));
        ceiling.hasStatus(404);
        unmapped.hasStatus(404);
        ceiling.bodyJson().extractingPath("$.title").isEqualTo("Not Found");
        ceiling.bodyJson().extractingPath("$.detail").asString().contains("api/benchmark/ceiling");
    }

    @Nested
    @TestPropertySource(properties = "backprop.benchmark.ceiling-endpoint=true")
    class SwitchedOn {

        @Autowired
        MockMvcTester mvc;

        @Autowired
        DirectRoute route;

        @Test
        void answersItsConstant() {
            var response = assertThat(mvc.get().uri("/api/benchmark/ceiling"));
            response.hasStatus(200);
            // Routed as the single-row prediction is, so the benchmark compares like with like.
            assertThat(response.actual().getMvcResult().getHandler()).isSameAs(route.handler());
            response.bodyJson().extractingPath("$.prediction").isEqualTo("1");
            response.bodyJson().extractingPath("$.probability").isEqualTo(0.5);
        }
    }
}
