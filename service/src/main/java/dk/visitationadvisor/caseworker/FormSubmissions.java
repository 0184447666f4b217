package dk.visitationadvisor.caseworker;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One assessment per form sent: the form carries a one-time token, claimed when the family is
 * assessed and then tied to the assessment made. A second send of the same form waits for the first
 * and is shown its assessment. A token is only ever honoured for the person who claimed it.
 */
@Repository
class FormSubmissions {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** How long a second send waits for the first to be stored. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;

    FormSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The result of claiming a token. */
    sealed interface Claim {
        /** The form is sent for the first time (or carries no usable token): assess the family. */
        record First() implements Claim {
        }

        /** The form was sent before: this is the assessment it made. */
        record Before(String assessmentId) implements Claim {
        }
    }

    static boolean usable(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    Claim claim(String token, String user) {
        if (!usable(token)) {
            return new Claim.First();
        }
        try {
            jdbc.sql("INSERT INTO form_submission (token, submitted_by) VALUES (?, ?)").params(token, user).update();
            return new Claim.First();
        } catch (DuplicateKeyException sentBefore) {
            long until = System.nanoTime() + WAIT.toNanos();
            do {
                Optional<String> made = jdbc.sql("SELECT assessment_id FROM form_submission WHERE token = ? "
                                + "AND submitted_by = ? AND assessment_id IS NOT NULL")
                        .params(token, user).query(String.class).optional();
                if (made.isPresent()) {
                    return new Claim.Before(made.get());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            } while (System.nanoTime() < until);
            return new Claim.First();
        }
    }

    void made(String token, String assessmentId) {
        if (usable(token)) {
            jdbc.sql("UPDATE form_submission SET assessment_id = ? WHERE token = ?").params(assessmentId, token).update();
        }
    }

    /** The first send failed before storing anything: the form may be sent again. */
    void release(String token) {
        if (usable(token)) {
            jdbc.sql("DELETE FROM form_submission WHERE token = ? AND assessment_id IS NULL").param(token).update();
        }
    }
}
