package dev.backprop.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String API_KEY_SCHEME = "apiKey";

    @Bean
    OpenAPI backpropOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                        .description("An API key (admin, trainer or predictor). A fresh install logs its first admin key"
                                + " once, or takes one from backprop.security.bootstrap-admin-key.")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .info(new Info()
                .title("Backprop")
                .version("v1")
                .description("""
                        Train feed-forward neural networks on your own CSV data and serve predictions.
                        The day's work: upload a CSV (POST /api/datasets) → define a network (POST /api/models) →
                        train it (POST /api/models/{id}/training-jobs) → watch the job → predict
                        (GET /api/models/{id}/predict). Errors are RFC 9457 problem details.
                        Every call needs an API key in the X-API-Key header: press Authorize and paste yours.""")
                .license(new License().name("Apache-2.0")));
    }
}
