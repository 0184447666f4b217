package dk.visitationadvisor.assessment;

import dk.visitationadvisor.platform.http.FieldProblem;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.validation.NotCprShapedValidator;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The {@code Idempotency-Key} header of the assessment endpoints, single and batch: what a key may be. */
@Component
class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final String PATTERN = "^[\\x21-\\x7E]{1,255}$";

    private final MessageSource messages;

    IdempotencyKeyHeader(MessageSource messages) {
        this.messages = messages;
    }

    /** A key is 1-255 visible ASCII characters, and never CPR-shaped: it is stored with the case. */
    void check(String key) {
        if (key != null && (!key.matches(PATTERN) || NotCprShapedValidator.isCprShaped(key))) {
            throw new InvalidRequestException(List.of(new FieldProblem(NAME,
                    messages.getMessage("request.idempotencyKey", null, LocaleContextHolder.getLocale()))));
        }
    }
}
