package dk.visitationadvisor.platform.http;

import java.net.URI;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * An exception of a feature that is answered as an RFC 9457 problem document. The feature says what
 * the document holds; the shared advice writes it, in the caller's language, without knowing the
 * feature. Texts are message codes, so that they are never English to a Danish caller.
 */
public interface AdvisorProblem {

    Problem problem();

    /** Headers the answer carries besides the document, e.g. {@code Retry-After} for a 503; none by default. */
    default Map<String, String> headers() {
        return Map.of();
    }

    /**
     * What the document holds. A problem naming {@code fields} (each with what is wrong) is invalid
     * input, answered as every other invalid request is (400), and the rest is not used. A 500 is a
     * fault of the service: logged under an incident id, which the document gives as {@code incident}
     * and as the last argument of its detail.
     *
     * @param type the problem's type, e.g. {@code /problems/invalid-rule-set}; null for none
     * @param titleCode the message code of the title; null for the status's own
     * @param detail a message code with its arguments ({@link #message}), or a text as it stands ({@link #text})
     * @param properties further members of the document, e.g. {@code errors}, in order
     */
    record Problem(int status, URI type, String titleCode, MessageSourceResolvable detail,
            Map<String, Object> properties, Map<String, MessageSourceResolvable> fields) {

        public static Problem of(int status, String type, String titleCode, MessageSourceResolvable detail,
                Map<String, Object> properties) {
            return new Problem(status, type == null ? null : URI.create(type), titleCode, detail, properties, Map.of());
        }

        /** Invalid input: the request's fields at fault, each with what is wrong. */
        public static Problem invalidFields(Map<String, MessageSourceResolvable> fields) {
            return new Problem(400, null, null, null, Map.of(), fields);
        }
    }

    /** A message code with its arguments. */
    static MessageSourceResolvable message(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }

    /** A text given as it stands, already in the caller's language. */
    static MessageSourceResolvable text(String text) {
        return new DefaultMessageSourceResolvable(null, null, text);
    }
}
