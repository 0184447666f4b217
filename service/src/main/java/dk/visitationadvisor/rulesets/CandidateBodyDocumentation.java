package dk.visitationadvisor.rulesets;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A body read as JSON to name every bad field is documented as the candidate rule set it is. */
@Configuration(proxyBeanMethods = false)
class CandidateBodyDocumentation {

    @Bean
    OperationCustomizer candidateBodies() {
        return (operation, handler) -> {
            if (Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(CandidateBody.class))) {
                operation.getRequestBody().setContent(new Content().addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/CandidateRuleSet"))));
            }
            return operation;
        };
    }
}
