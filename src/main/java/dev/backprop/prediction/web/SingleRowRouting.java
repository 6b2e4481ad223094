package dev.backprop.prediction.web;

import dev.backprop.shared.web.DirectRoute;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

/** The single-row prediction, the service's hot path, routed without trying every request mapping (see {@link DirectRoute}). */
@Configuration(proxyBeanMethods = false)
class SingleRowRouting {

    @Bean
    DirectRoute singleRowPredictionRoute(PredictionController controller) throws NoSuchMethodException {
        return new DirectRoute(PredictionController.SINGLE_ROW, controller,
                PredictionController.class.getDeclaredMethod("predictOne", HttpServletRequest.class), MediaType.APPLICATION_JSON);
    }
}
