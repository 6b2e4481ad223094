package dev.backprop.support;

import dev.backprop.access.AccessProperties;
import dev.backprop.access.ApiKeyService;
import dev.backprop.access.web.SecurityConfiguration;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * For {@code @WebMvcTest} slices: the real filter chain (in the tests' dev mode, so anonymous calls pass) without
 * the key store. Access rules themselves are tested end to end by {@code AccessMatrixTest}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(AccessProperties.class)
public class SliceSecurity {

    @Bean
    ApiKeyService apiKeyService() {
        return Mockito.mock(ApiKeyService.class);
    }
}
