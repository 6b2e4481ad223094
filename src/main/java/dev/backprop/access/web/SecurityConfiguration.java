package dev.backprop.access.web;

import dev.backprop.access.ApiKeyService;
import dev.backprop.access.Role;
import dev.backprop.access.AccessProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. The rules read top to bottom, first match wins; every endpoint is covered by
 * {@code AccessMatrixTest}, which fails when an endpoint is added without a decision here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String TRAINER = Role.TRAINER.name();
    private static final String PREDICTOR = Role.PREDICTOR.name();

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyService keys, AccessProperties properties) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(PREDICTOR)
                        .requestMatchers("/api/keys/me").hasRole(PREDICTOR)
                        .requestMatchers("/api/keys", "/api/keys/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/**").hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/models/*/training-jobs").hasRole(TRAINER)
                        .requestMatchers(HttpMethod.GET, "/api/models", "/api/models/**").hasRole(PREDICTOR)
                        .requestMatchers(HttpMethod.POST, "/api/models/*/predictions").hasRole(PREDICTOR)
                        .requestMatchers("/api/**").hasRole(TRAINER)
                        .anyRequest().hasRole(PREDICTOR));
        if (properties.devMode()) {
            http.anonymous(anonymous -> anonymous.principal("dev-mode").authorities(Role.ADMIN.authority()));
        }
        return http.build();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(ADMIN).implies(TRAINER)
                .role(TRAINER).implies(PREDICTOR)
                .build();
    }

    /** Keeps Spring Boot from creating its default user with a generated password: keys are the only way in. */
    @Bean
    UserDetailsService noPasswordUsers() {
        return new InMemoryUserDetailsManager();
    }
}
