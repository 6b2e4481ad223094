package dev.backprop.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/**
 * The benchmark's ceiling endpoint routed as the single-row prediction is (see {@link DirectRoute}): the ceiling
 * stands for what the HTTP stack costs an endpoint that does nothing, so it must not pay for routing the prediction
 * no longer pays for.
 */
@Configuration(proxyBeanMethods = false)
class CeilingRouting {

    @Bean
    DirectRoute ceilingRoute(CeilingController controller) throws NoSuchMethodException {
        return new DirectRoute(CeilingController.PATH, controller, CeilingController.class.getDeclaredMethod("ceiling"),
                MediaType.APPLICATION_JSON);
    }
}
