package dk.visitationadvisor.web;

import dk.visitationadvisor.authoring.CandidateRuleSet;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents a body read as JSON (to name every bad field) as the candidate rule set it is. */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
        schema = @Schema(implementation = CandidateRuleSet.class)))
@interface CandidateBody {
}
