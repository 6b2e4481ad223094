package dev.backprop.access.web;

import java.io.IOException;

import dev.backprop.shared.web.ProblemType;
import dev.backprop.shared.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details that say what to send or which role is needed. */
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyAuthenticationFilter.HEADER + "\"");
        String detail = e instanceof BadCredentialsException
                ? "The API key sent is not valid: it is unknown or has been revoked. Ask an admin for a key (POST /api/keys)."
                : "This endpoint needs an API key: send it in the " + ApiKeyAuthenticationFilter.HEADER
                        + " header (or as Authorization: Bearer <key>). An admin creates keys with POST /api/keys.";
        ProblemWriter.write(request, response, 401, ProblemType.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemWriter.write(request, response, 403, ProblemType.FORBIDDEN,
                "This key's role may not " + request.getMethod() + " " + request.getRequestURI()
                        + ". Predictor keys read models and predict; trainer keys also upload, define and train;"
                        + " admin keys also manage keys and delete. Use a key with the needed role.");
    }
}
