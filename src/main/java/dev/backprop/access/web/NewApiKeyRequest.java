package dev.backprop.access.web;

import java.util.Locale;

import dev.backprop.access.Role;
import dev.backprop.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.media.Schema;

@Schema(example = "{\"name\": \"stroke-study dashboard\", \"role\": \"predictor\"}")
record NewApiKeyRequest(
        @Schema(description = "Who or what uses the key", example = "stroke-study dashboard") String name,
        @Schema(description = "admin, trainer or predictor", example = "predictor",
                allowableValues = {"admin", "trainer", "predictor"}) String role) {

    Role parsedRole() {
        if (role == null) {
            throw new InvalidRequestException("$.role", "choose a role: admin, trainer or predictor");
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("$.role", "'" + role + "' is not a role; choose admin, trainer or predictor");
        }
    }
}
