package dev.backprop.access.web;

import java.io.IOException;
import java.util.List;

import dev.backprop.access.ApiKeyService;
import dev.backprop.access.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the key from {@code X-API-Key} (or {@code Authorization: Bearer}, which monitoring tools can send).
 * A key that is presented but not valid is refused at once — never downgraded to anonymous, even in dev mode.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final AuthenticationEntryPoint refuse;

    ApiKeyAuthenticationFilter(ApiKeyService keys, AuthenticationEntryPoint refuse) {
        this.keys = keys;
        this.refuse = refuse;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = keys.authenticate(presented).orElse(null);
        if (caller == null) {
            SecurityContextHolder.clearContext();
            refuse.commence(request, response, new BadCredentialsException("unknown or revoked key"));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(caller, null,
                List.of(new SimpleGrantedAuthority(caller.role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) {
            return header.strip();
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }
}
