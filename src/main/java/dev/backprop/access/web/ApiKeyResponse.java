package dev.backprop.access.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.backprop.access.ApiKeyInfo;
import io.swagger.v3.oas.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyResponse(long id, String name, String role, String prefix, boolean active, Instant createdAt,
        Instant revokedAt,
        @Schema(description = "The key itself: only in the answer to its creation") String key) {

    static ApiKeyResponse from(ApiKeyInfo info, String key) {
        return new ApiKeyResponse(info.id(), info.name(), info.role().name().toLowerCase(), info.prefix(), info.active(),
                info.createdAt(), info.revokedAt(), key);
    }
}
