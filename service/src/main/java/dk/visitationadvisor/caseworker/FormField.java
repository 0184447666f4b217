package dk.visitationadvisor.caseworker;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One input of the assessment form: the request field it fills, by its JSON path in the request
 * (e.g. {@code parents[1].substanceUse}), and how it is entered. Types, ranges and choices come from
 * {@link RequestFields}, so the form asks for exactly what the request accepts.
 *
 * @param choices the allowed values of a choice or of the factors, in the request's spelling
 * @param min the smallest whole number allowed, or null
 * @param max the largest whole number (or the longest text) allowed, or null
 */
record FormField(String path, Kind kind, List<String> choices, Long min, Long max, boolean required) {

    /** How a field is entered. "Unknown" is a choice of every kind but text, presence and factors' ticks. */
    enum Kind {
        /** Free text. */
        TEXT,
        /** A whole number; empty means not known (for a score: not measured). */
        NUMBER,
        /** A date; empty means not known. */
        DATE,
        /** Yes, no or unknown. */
        YES_NO,
        /** One of the choices, or unknown. */
        CHOICE,
        /** Unknown, or known: then the ticked choices apply and no tick means none. */
        FACTORS,
        /** Whether a part of the request is there at all: a pregnancy, a born child. Yes or no. */
        PRESENCE
    }

    /** The name of the radio group that says whether a list of factors is known. */
    static final String KNOWN = "Known";

    /** The start of a path into a parent, with the parent's index: {@code parents[1]}. */
    static final Pattern PARENT = Pattern.compile("^parents\\[(\\d+)]");

    /** The field's path without list indices: what its labels and help texts are keyed by. */
    public String key() {
        return keyOf(path);
    }

    /** An HTML id: the path with every run of other characters than letters and digits made a dash. */
    public String id() {
        return path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** The name of the enum of the choices, e.g. {@code SubstanceUse}: what value labels are keyed by. */
    public String choiceType() {
        return RequestFields.leaf(key()).choiceType();
    }

    static String keyOf(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }

    static List<String> names(Object[] constants) {
        return Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList();
    }
}
