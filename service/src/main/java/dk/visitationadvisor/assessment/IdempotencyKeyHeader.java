package dk.visitationadvisor.assessment;

import dk.visitationadvisor.platform.http.FieldProblem;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.validation.NotCprShapedValidator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The {@code Idempotency-Key} header of the assessment endpoints, single and batch: what a key may be. */
@Component
class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final String PATTERN = "^[\\x21-\\x7E]{1,255}$";
    /**
     * A UUID, the key most callers send: its hex groups can happen to hold six digits, a dash and four
     * digits (about one UUID in 300), which is chance, not a person's number, so it is not refused.
     */
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final MessageSource messages;

    IdempotencyKeyHeader(MessageSource messages) {
        this.messages = messages;
    }

    /** A key is 1-255 visible ASCII characters, and never CPR-shaped unless a UUID: it is stored with the case. */
    void check(String key) {
        if (key != null && !UUID.matcher(key).matches()
                && (!key.matches(PATTERN) || NotCprShapedValidator.isCprShaped(key))) {
            throw new InvalidRequestException(List.of(new FieldProblem(NAME,
                    messages.getMessage("request.idempotencyKey", null, LocaleContextHolder.getLocale()))));
        }
    }
}
