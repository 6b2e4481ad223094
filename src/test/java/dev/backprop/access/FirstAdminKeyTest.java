package dev.backprop.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.backprop.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh install, secure by default: nothing is open, and the log shows the one admin key to start with. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-admin-key;DB_CLOSE_DELAY=-1",
        "backprop.security.dev-mode=false"})
class FirstAdminKeyTest {

    @LocalServerPort
    int port;

    @Test
    void aFreshInstallRefusesAnonymousCallsAndLogsItsFirstAdminKeyOnce(CapturedOutput output) {
        assertThat(new ApiClient(port).get("/api/models").status()).isEqualTo(401);

        Matcher logged = Pattern.compile("X-API-Key: (bp_[A-Za-z0-9_-]{43})").matcher(output.getAll());
        assertThat(logged.find()).as("the first admin key is in the start-up log").isTrue();
        ApiClient admin = new ApiClient(port, logged.group(1));
        assertThat(admin.get("/api/keys/me").json().get("role").asString()).isEqualTo("admin");
        assertThat(admin.get("/api/keys").json().size()).isEqualTo(1);
        assertThat(logged.find()).as("shown only once").isFalse();
    }
}
