package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AssessmentOutcome;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Status;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/**
 * The what-if analysis in the caller's language: fields, values, programmes and triggers in words, from
 * the texts the caseworker's pages use ({@code field.*}, {@code value.*}, {@code code.*}) and this
 * feature's own ({@code whatif.*}).
 */
final class Texts {

    private static final Pattern PARENT = Pattern.compile("^parents\\[(\\d+)]\\.?");

    private final MessageSource messages;
    private final Locale locale;

    Texts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String get(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private String orElse(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, locale);
    }

    /** A field's label, with the parent it concerns: "Forælder 1 · Rusmiddelbrug". */
    String field(String path) {
        Matcher parent = PARENT.matcher(path);
        if (parent.find()) {
            String who = get("form.parent", Integer.parseInt(parent.group(1)) + 1);
            String rest = path.substring(parent.end());
            return rest.isEmpty() ? who : who + " · " + orElse("field.parents." + rest, rest);
        }
        return orElse("field." + path, path);
    }

    /** How to find a missing field out. */
    String howToObtain(String path) {
        if (path.startsWith("parameter:")) {
            return get("whatif.obtain.parameter");
        }
        return orElse("whatif.obtain." + path.replaceAll("\\[\\d+]", ""), get("whatif.obtain.default"));
    }

    /** A value of a field in words; null (absent) as "unknown". */
    String value(FieldPath field, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return get("value.unknown");
        }
        if (value.isBoolean()) {
            return get(value.booleanValue() ? "value.yes" : "value.no");
        }
        if (value.isArray()) {
            if (value.isEmpty()) {
                return get("value.none");
            }
            if (field.elementType() != null && value.size() == field.elementType().getEnumConstants().length) {
                return get("whatif.value.all");
            }
            return StreamSupport.stream(value.spliterator(), false)
                    .map(v -> orElse("value." + field.elementType().getSimpleName() + "." + v.asString(), v.asString()))
                    .collect(Collectors.joining(", "));
        }
        if (field.type().isEnum()) {
            return orElse("value." + field.type().getSimpleName() + "." + value.asString(), value.asString());
        }
        return value.asString();
    }

    String programme(Programme programme) {
        return programme == null ? get("whatif.change.none") : get("value.Programme." + programme.name());
    }

    String status(Status status) {
        return status == null ? get("value.unknown") : get("value.Status." + status.name());
    }

    /** A raised trigger, {@code CODE:SEVERITY}, by its name. */
    String escalation(String codeAndSeverity) {
        String code = codeAndSeverity.substring(0, codeAndSeverity.indexOf(':'));
        String severity = codeAndSeverity.substring(code.length() + 1);
        return get("code." + code) + " (" + get("value.Severity." + severity).toLowerCase(locale) + ")";
    }

    /** The visit plan of an outcome in words: "3-5 om ugen", or that there is none. */
    String visits(AssessmentOutcome outcome) {
        if (outcome.phase() == null) {
            return get("whatif.change.noPlan");
        }
        String phase = get("value.Phase." + outcome.phase().name());
        if (outcome.visitsPerWeek() == null) {
            return phase + ", " + get("whatif.change.noNumber");
        }
        return phase + ", " + get("whatif.change.visits", bound(outcome.visitsPerWeek().min()),
                bound(outcome.visitsPerWeek().max()));
    }

    private String bound(Integer bound) {
        return bound == null ? "?" : bound.toString();
    }
}
