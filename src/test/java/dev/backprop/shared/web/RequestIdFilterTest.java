package dev.backprop.shared.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

    private final RequestIdFilter filter = new RequestIdFilter();

    @Test
    void aNewIdIsARandomVersion4UuidAndNoTwoAreAlike() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIdFilter.newId();
            UUID parsed = UUID.fromString(id);
            assertThat(parsed.version()).isEqualTo(4);
            assertThat(parsed.variant()).isEqualTo(2);
            assertThat(parsed.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("unique").isTrue();
        }
    }

    @Test
    void aSaneCallerIdIsKeptAndAnythingElseReplaced() throws Exception {
        assertThat(idFor("job-42.retry_1")).isEqualTo("job-42.retry_1");
        String replaced = idFor("no spaces\nor newlines");
        assertThat(replaced).isNotEqualTo("no spaces\nor newlines");
        assertThat(UUID.fromString(replaced).version()).isEqualTo(4);
        assertThat(UUID.fromString(idFor(null)).version()).isEqualTo(4);
    }

    private String idFor(String given) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/models");
        if (given != null) {
            request.addHeader(RequestIdFilter.HEADER, given);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getHeader(RequestIdFilter.HEADER);
    }
}
