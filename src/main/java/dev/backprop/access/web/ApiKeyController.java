package dev.backprop.access.web;

import java.net.URI;
import java.util.List;

import dev.backprop.access.ApiKeyService;
import dev.backprop.access.Caller;
import dev.backprop.access.IssuedApiKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/keys")
@Tag(name = "API keys", description = "Admin only (except /me): issue keys with a role, list them, revoke them."
        + " Send a key in the X-API-Key header; Swagger UI's Authorize button does that for you.")
class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    @Operation(summary = "Issue a key", description = "Roles: admin (keys, deletes, and all a trainer may do), trainer"
            + " (upload, define, train, read, predict), predictor (read models, predict). The key is in the answer"
            + " only this once: store it; Backprop keeps only its SHA-256.")
    ResponseEntity<ApiKeyResponse> issue(@RequestBody NewApiKeyRequest request) {
        IssuedApiKey issued = keys.issue(request.name(), request.parsedRole());
        return ResponseEntity.created(URI.create("/api/keys/" + issued.info().id()))
                .body(ApiKeyResponse.from(issued.info(), issued.key()));
    }

    @GetMapping
    @Operation(summary = "All keys, revoked ones included (never the secrets)")
    List<ApiKeyResponse> list() {
        return keys.list().stream().map(info -> ApiKeyResponse.from(info, null)).toList();
    }

    @GetMapping("/me")
    @Operation(summary = "The key this request was made with: its name and role")
    CallerResponse me(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return new CallerResponse(caller.keyId(), caller.name(), caller.role().name().toLowerCase(), false);
        }
        return new CallerResponse(null, "anonymous", "admin", true);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One key (never the secret)")
    ApiKeyResponse get(@PathVariable long id) {
        return ApiKeyResponse.from(keys.get(id), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a key", description = "It stops working at once on this server (within"
            + " backprop.security.cache-for on others). The last active admin key cannot be revoked (409).")
    ApiKeyResponse revoke(@PathVariable long id) {
        return ApiKeyResponse.from(keys.revoke(id), null);
    }
}
