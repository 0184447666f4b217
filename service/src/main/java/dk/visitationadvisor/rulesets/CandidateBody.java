package dk.visitationadvisor.rulesets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A body read as JSON (to name every bad field) that is a candidate rule set: the API document
 * describes it as one ({@link CandidateBodyDocumentation}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface CandidateBody {
}
