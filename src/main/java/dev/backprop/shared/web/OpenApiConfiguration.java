package dev.backprop.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI backpropOpenApi() {
        return new OpenAPI().info(new Info()
                .title("Backprop")
                .version("v1")
                .description("""
                        Train feed-forward neural networks on your own CSV data and serve predictions.
                        The day's work: upload a CSV (POST /api/datasets) → define a network (POST /api/models) →
                        train it (POST /api/models/{id}/training-jobs) → watch the job → predict
                        (GET /api/models/{id}/predict). Errors are RFC 9457 problem details.""")
                .license(new License().name("Apache-2.0")));
    }
}
