package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Outcome;
import dk.visitationadvisor.facts.RuleKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Plain words for what the service answers in codes and paths, in the page's language: a field's
 * label for {@code parents[0].substanceUse}, "Intet misbrug" for {@code NONE}, a fact to read aloud.
 * Used by the templates as {@code @labels}; anything without a label is shown as it came.
 */
@Component("labels")
class Labels {

    /** A value with a note after it, e.g. {@code LIMITED [LOCAL]}. */
    private static final Pattern NOTE = Pattern.compile("^([^\\[].*?)( \\[[A-Z]+])$");
    /** Facts the service derives, whose values are read as those of a request field. */
    private static final Map<String, String> VALUES_AS = Map.of(
            "previousAssessment.concernLevel", "concern.level",
            "previousAssessment.ors", "measurements.ors",
            "previousAssessment.orsRater", "measurements.orsRater");

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    /** A field's label, with the parent it concerns: "Forælder 1 · Rusmiddelbrug". */
    public String field(String path) {
        if (path.startsWith("parameter:")) {
            return message("missing.parameter", path, path.substring("parameter:".length()));
        }
        Matcher parent = FormField.PARENT.matcher(path);
        if (parent.find()) {
            String who = message("form.parent", path, Integer.parseInt(parent.group(1)) + 1);
            String rest = path.substring(parent.end()).replaceFirst("^\\.", "");
            return rest.isEmpty() ? who : who + " · " + message("field.parents." + FormField.keyOf(rest), rest);
        }
        return message("field." + FormField.keyOf(path), path);
    }

    /** A fact as {@code path = value}, in words: "Forælder 1 · Psykisk lidelse: Let til moderat". */
    public String fact(String fact) {
        int equals = fact.indexOf(" = ");
        if (equals < 0) {
            return fact;
        }
        String path = fact.substring(0, equals);
        String label = field(path);
        return label + (label.endsWith("?") ? " " : ": ") + value(path, fact.substring(equals + 3));
    }

    /** A value of a field in words; a list of values as a list of words. */
    public String value(String path, String value) {
        Matcher note = NOTE.matcher(value);
        if (note.matches()) {
            String tag = note.group(2).strip();
            return value(path, note.group(1)) + " " + message("value.note." + tag.substring(1, tag.length() - 1), tag);
        }
        if (path.equals("escalation")) {
            return code(value);
        }
        if (value.startsWith("[") && value.endsWith("]")) {
            String inner = value.substring(1, value.length() - 1).trim();
            return inner.isEmpty() ? message("value.none", value)
                    : Arrays.stream(inner.split(",\\s*")).map(v -> value(path, v)).collect(Collectors.joining(", "));
        }
        if (value.equals("null")) {
            return message("value.unknown", value);
        }
        String key = FormField.keyOf(VALUES_AS.getOrDefault(path, path));
        if (!RequestFields.has(key)) {
            return value;
        }
        RequestFields.Leaf leaf = RequestFields.leaf(key);
        return switch (leaf.kind()) {
            case YES_NO -> value.equals("true") ? message("value.yes", value)
                    : value.equals("false") ? message("value.no", value) : value;
            case CHOICE, FACTORS -> message("value." + leaf.choiceType() + "." + value, value);
            default -> value;
        };
    }

    /** An enum value of the answer in words, e.g. a status, a severity, a programme or a phase. */
    public String of(Enum<?> value) {
        return value == null ? "" : message("value." + value.getClass().getSimpleName() + "." + value.name(),
                value.name());
    }

    /** An enum value by its type's simple name, as the case history keeps it (a string). */
    public String of(String type, String value) {
        return value == null ? "" : message("value." + type + "." + value, value);
    }

    /**
     * What a reason's outcome means, as a key of {@code value.Outcome.*}: for an exclusion that applies,
     * "excludes" (never a green "met"); for one that does not, "does not exclude".
     */
    public String outcome(Reason reason) {
        if (reason.outcome() == null) {
            return "";
        }
        if (reason.kind() == RuleKind.EXCLUSION) {
            return reason.outcome() == Outcome.MET ? "EXCLUDES"
                    : reason.outcome() == Outcome.NOT_MET ? "DOES_NOT_EXCLUDE" : reason.outcome().name();
        }
        return reason.outcome().name();
    }

    /** A date as the page's language writes it, e.g. "22. nov. 2026". */
    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    /** A moment as the page's language writes it, in Danish time, e.g. "5. dec. 2026 07.40". */
    public String instant(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(LocaleContextHolder.getLocale()).withZone(DANISH_TIME).format(instant);
    }

    /** A trigger's or a rule's name in words, e.g. for {@code ESC-PARENT-DEPRESSION}. */
    public String code(String code) {
        return message("code." + code, code);
    }

    private String message(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, LocaleContextHolder.getLocale());
    }
}
