package dev.backprop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class ApiKeyServiceTest {

    private static final String KEY = "a-configured-bootstrap-key-of-enough-length";

    @Test
    void aConfiguredKeyWorksAtOnceEvenIfAProbeSentItBeforeItExisted() {
        ApiKeyRepository repository = mock(ApiKeyRepository.class);
        when(repository.findByKeySha256(ApiKeys.sha256(KEY))).thenReturn(Optional.empty());
        when(repository.save(any())).thenAnswer(call -> call.getArgument(0));
        ApiKeyService service = new ApiKeyService(repository, Clock.systemUTC(),
                new AccessProperties(false, KEY, Duration.ofMinutes(5)));

        assertThat(service.authenticate(KEY)).as("a readiness probe before start-up finished").isEmpty();
        assertThat(service.ensureConfiguredAdmin(KEY)).isTrue();
        ApiKey saved = new ApiKey("bootstrap (configuration)", Role.ADMIN, ApiKeys.shownPrefix(KEY), ApiKeys.sha256(KEY),
                Clock.systemUTC().instant());
        ReflectionTestUtils.setField(saved, "id", 1L);
        when(repository.findByKeySha256(ApiKeys.sha256(KEY))).thenReturn(Optional.of(saved));

        assertThat(service.authenticate(KEY)).as("not the cached 'unknown'").get()
                .extracting(Caller::role).isEqualTo(Role.ADMIN);
    }
}
