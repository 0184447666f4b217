package dk.visitationadvisor.security;

import dk.visitationadvisor.platform.http.ApiDocumentation;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API document names the rate limit's 429 on the operations {@link RateLimitFilter} counts: the limit is
 * security's, so the shared API document need not know which endpoints it covers. The response is the shared
 * problem document.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitDocumentation {

    @Bean
    OpenApiCustomizer rateLimitedOperations() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (RateLimitFilter.limits(method.name(), path)) {
                operation.getResponses().computeIfAbsent("429", code -> ApiDocumentation.problemResponse(
                        "Too many assessments from this caller in a minute (the rate limit); "
                                + "Retry-After says when to try again"));
            }
        }));
    }
}
