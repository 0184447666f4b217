package dk.visitationadvisor.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler (an API operation or a page) that reads case data, with why: each call is written to
 * the access audit with that purpose, the signed-in person and the cases it read (its
 * {@code caseRef} and {@code assessmentId} path variables, and whatever it notes with
 * {@link AccessAudit#note}). Every API call is audited with or without it; a page only with it.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    Purpose value();
}
