package dev.backprop.model.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/** Offers the definitions in {@code classpath:examples/} as named examples of {@code POST /api/models} in Swagger UI. */
@Configuration(proxyBeanMethods = false)
class ExampleDefinitions {

    @Bean
    OpenApiCustomizer modelDefinitionExamples(JsonMapper json) {
        return openApi -> {
            var post = openApi.getPaths().get("/api/models").getPost();
            MediaType media = post.getRequestBody().getContent().get("application/json");
            for (Resource resource : examples()) {
                String name = resource.getFilename().replace(".json", "");
                // A plain map: the OpenAPI document is written by a different Jackson than ours, which cannot render our JsonNode.
                media.addExamples(name, new Example().summary(name).value(json.readValue(read(resource), java.util.Map.class)));
            }
        };
    }

    private static Resource[] examples() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:examples/*.json");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
