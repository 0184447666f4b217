package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.caseworker.FormField.Kind;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The assessment form: its sections and fields, what was entered, and the messages by each field.
 * Fields are named by their JSON path in the request, so that the request built from the form is
 * checked by the API's own reader and every message lands by the field it names. Empty and
 * "unknown" leave a field out of the request: unknown is never "no".
 */
final class FamilyForm {

    /** The parts of the request whose mere presence means something: a pregnancy, a born child. */
    private static final List<String> PRESENCES = List.of("pregnancy", "child");

    /** A group of fields under one heading; {@code parent} is the index of the parent it describes, or -1. */
    record Section(String key, int parent, List<FormField> fields) {
    }

    /** The fields of the case itself, asked first: who it is and on which day. */
    private static final List<String> CASE = List.of("caseRef", "assessmentDate");

    /** As many adults as the API takes; from the second on folded away until opened. */
    private static final int PARENTS = 4;

    static final List<Section> SECTIONS = readOffTheRequest();

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    private final Map<String, List<String>> values;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<String> otherErrors = new ArrayList<>();
    /** For each parent in the last request built, the form's parent it came from. */
    private final List<Integer> parentsInRequest = new ArrayList<>();

    private FamilyForm(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * A new form: assessed today, everything else unanswered. Whether the family is expecting a child
     * and whether the child is born are asked, never assumed: the request cannot say "unknown" there.
     */
    static FamilyForm blank(LocalDate today) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("assessmentDate", List.of(today.toString()));
        return new FamilyForm(values);
    }

    /** The form as posted; names that are not fields of the form are dropped. */
    static FamilyForm submitted(Map<String, List<String>> parameters) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        fields().forEach(field -> {
            copy(parameters, field.path(), values);
            if (field.kind() == Kind.FACTORS) {
                copy(parameters, field.path() + FormField.KNOWN, values);
            }
        });
        return new FamilyForm(values);
    }

    /**
     * The form filled in from a stored request, for a new assessment of the same family today. Only
     * what still holds is carried forward: the scores (and the contacts missed since) are asked again,
     * and the gestational week is counted on from the earlier assessment's date ({@code assessed});
     * past term, or without that date, whether the child is born is asked again.
     */
    static FamilyForm prefilled(JsonNode request, LocalDate assessed, LocalDate today) {
        FamilyForm form = blank(today);
        for (FormField field : fields().toList()) {
            if (field.path().equals("assessmentDate") || field.path().startsWith("measurements.")
                    || field.path().equals("pregnancy.gestationalWeek")) {
                continue;
            }
            JsonNode node = request.at(pointer(field.path()));
            if (field.kind() == Kind.PRESENCE) {
                form.values.put(field.path(), List.of(String.valueOf(node.isObject())));
            } else if (field.kind() == Kind.FACTORS && node.isArray()) {
                form.values.put(field.path() + FormField.KNOWN, List.of("true"));
                List<String> ticked = new ArrayList<>();
                node.forEach(factor -> ticked.add(factor.asString()));
                form.values.put(field.path(), ticked);
            } else if (node.isValueNode() && !node.isNull()) {
                form.values.put(field.path(), List.of(node.asString()));
            }
        }
        JsonNode week = request.at("/pregnancy/gestationalWeek");
        if (request.path("pregnancy").isObject() && week.isIntegralNumber() && assessed != null) {
            long now = week.asInt() + ChronoUnit.WEEKS.between(assessed, today);
            if (now < TERM_WEEK) {
                form.values.put("pregnancy.gestationalWeek", List.of(String.valueOf(now)));
                form.carriedForward.add("pregnancy.gestationalWeek");
            } else {
                PRESENCES.forEach(form.values::remove);
                form.values.remove("child.birthDate");
            }
        } else if (request.path("pregnancy").isObject()) {
            PRESENCES.forEach(form.values::remove);
        }
        return form;
    }

    /** Counted on past this week, a pregnancy may have ended: whether the child is born is asked again. */
    static final int TERM_WEEK = 37;

    /** The fields whose value was counted on from the earlier assessment, to be checked. */
    private final List<String> carriedForward = new ArrayList<>();

    /** Whether a field's value was counted on from the earlier assessment (the gestational week). */
    public boolean counted(String path) {
        return carriedForward.contains(path);
    }

    /** What was entered, by field name, as the form posts it: for a draft. */
    Map<String, List<String>> values() {
        return Map.copyOf(values);
    }

    /** The form's sections, in order. */
    public List<Section> sections() {
        return SECTIONS;
    }

    /** Whether a section is needed only for some families: a further parent, a course, measurements. */
    public boolean optional(Section section) {
        return section.parent() > 0 || section.key().equals("course") || section.key().equals("measurements");
    }

    /** Whether a section is shown open: always, unless it is optional and nothing in it is filled in. */
    public boolean open(Section section) {
        return !optional(section) || section.fields().stream().anyMatch(field -> invalid(field.path())
                || !value(field.path()).isEmpty() || !value(field.path() + FormField.KNOWN).isEmpty());
    }

    /** The steps the page shows one at a time when its script runs (without it, one page). */
    static final List<String> STEPS = List.of("family", "parents", "concern", "course", "measurements");

    /** The steps, in order. */
    public List<String> steps() {
        return STEPS;
    }

    /** The step a section is shown in: the case goes with the family, every adult with the parents. */
    public String step(Section section) {
        return section.key().equals("case") ? "family" : section.parent() >= 0 ? "parents" : section.key();
    }

    /** The first field, in the form's order, the service refused or asks for: focused after a refused send. */
    public String firstInvalid() {
        return invalidFields().stream().map(FormField::path).findFirst().orElse("");
    }

    /** The section's id in the page, e.g. {@code parent-1}. */
    public String id(Section section) {
        return section.parent() >= 0 ? section.key() + "-" + section.parent() : section.key();
    }

    static Stream<FormField> fields() {
        return SECTIONS.stream().flatMap(section -> section.fields().stream());
    }

    /** Forgets what was entered in a field, e.g. a CPR number that must not be shown again. */
    void clear(String path) {
        values.remove(path);
    }

    /** The first value entered for a field, or "". */
    public String value(String path) {
        List<String> entered = values.get(path);
        return entered == null || entered.isEmpty() ? "" : entered.get(0);
    }

    /** Whether a radio button, option or tick box of this value is chosen. */
    public boolean chosen(String path, String value) {
        List<String> entered = values.get(path);
        return entered == null || entered.isEmpty() ? value.isEmpty() : entered.contains(value);
    }

    public List<String> errors(String path) {
        return errors.getOrDefault(path, List.of());
    }

    public boolean invalid(String path) {
        return errors.containsKey(path);
    }

    /** Messages that belong to no field of the form. */
    public List<String> otherErrors() {
        return otherErrors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !otherErrors.isEmpty();
    }

    /** Every field with a message, in the form's order: for the summary at the top. */
    public List<FormField> invalidFields() {
        return fields().filter(field -> invalid(field.path())).toList();
    }

    /**
     * Puts a message by the field a request path names: {@code parents[0].riskFactors[1]} by the
     * parent's risk factors, and a parent's index in the request mapped back to the form's.
     */
    void reject(String requestPath, String message) {
        String path = requestPath;
        Matcher parent = FormField.PARENT.matcher(path);
        if (parent.find() && Integer.parseInt(parent.group(1)) < parentsInRequest.size()) {
            path = "parents[" + parentsInRequest.get(Integer.parseInt(parent.group(1))) + "]"
                    + path.substring(parent.end());
        }
        String field = path;
        while (!isField(field) && field.endsWith("]")) {
            field = field.substring(0, field.lastIndexOf('['));
        }
        if (isField(field)) {
            errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        } else {
            otherErrors.add(message);
        }
    }

    /**
     * The request the form describes, as the JSON the API would be sent. A value under a pregnancy or
     * a child answered "no" contradicts the answer: it is left out and a message put by it.
     *
     * @param messages resolves a message code in the page's language
     */
    ObjectNode toRequest(UnaryOperator<String> messages) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        fields().forEach(field -> {
            JsonNode value = json(field);
            if (value != null) {
                set(request, field.path(), value);
            }
        });
        for (String presence : PRESENCES) {
            if (value(presence).isEmpty()) {
                reject(presence, messages.apply("form.answer." + presence));
            }
            boolean present = value(presence).equals("true");
            JsonNode part = request.get(presence);
            if (present && part == null) {
                request.putObject(presence);
            } else if (!present && part != null) {
                part.propertyNames().forEach(name -> reject(presence + "." + name,
                        messages.apply("form.onlyWhen." + presence)));
                request.remove(presence);
            }
        }
        parentsInRequest.clear();
        JsonNode parents = request.get("parents");
        if (parents != null) {
            ArrayNode described = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < parents.size(); i++) {
                if (!parents.get(i).isEmpty()) {
                    described.add(parents.get(i));
                    parentsInRequest.add(i);
                }
            }
            if (described.isEmpty()) {
                request.remove("parents");
            } else {
                request.set("parents", described);
            }
        }
        return request;
    }

    /** A field's value as JSON, or null when it is empty or unknown. */
    private JsonNode json(FormField field) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        String value = value(field.path()).trim();
        switch (field.kind()) {
            case FACTORS -> {
                List<String> ticked = values.getOrDefault(field.path(), List.of());
                if (!value(field.path() + FormField.KNOWN).equals("true") && ticked.isEmpty()) {
                    return null;
                }
                ArrayNode factors = nodes.arrayNode();
                ticked.forEach(factors::add);
                return factors;
            }
            case PRESENCE -> {
                return null;
            }
            case YES_NO -> {
                return value.equals("true") || value.equals("false") ? nodes.booleanNode(Boolean.parseBoolean(value))
                        : value.isEmpty() ? null : nodes.stringNode(value);
            }
            case NUMBER -> {
                return value.isEmpty() ? null
                        : WHOLE_NUMBER.matcher(value).matches() ? nodes.numberNode(Integer.parseInt(value))
                        : nodes.stringNode(value);
            }
            default -> {
                return value.isEmpty() ? null : nodes.stringNode(value);
            }
        }
    }

    private static void set(ObjectNode request, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = request;
        for (int i = 0; i < parts.length - 1; i++) {
            Matcher indexed = INDEXED.matcher(parts[i]);
            if (indexed.matches()) {
                ArrayNode list = node.has(indexed.group(1)) ? (ArrayNode) node.get(indexed.group(1))
                        : node.putArray(indexed.group(1));
                int index = Integer.parseInt(indexed.group(2));
                while (list.size() <= index) {
                    list.addObject();
                }
                node = (ObjectNode) list.get(index);
            } else {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
        }
        node.set(parts[parts.length - 1], value);
    }

    private static String pointer(String path) {
        return "/" + path.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }

    private static boolean isField(String path) {
        return fields().anyMatch(field -> field.path().equals(path));
    }

    private static void copy(Map<String, List<String>> from, String name, Map<String, List<String>> to) {
        List<String> entered = from.get(name);
        if (entered != null) {
            to.put(name, List.copyOf(entered));
        }
    }

    /**
     * The sections, read off the request's fields in the request's order: the case, the family (a
     * pregnancy, the child and the household's own fields), each adult, then one section per further
     * part of the request (concern, course, measurements). A field added to the request is asked in its
     * part's section without being named here.
     */
    private static List<Section> readOffTheRequest() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("case", new ArrayList<>());
        parts.put("family", new ArrayList<>());
        List<String> parentFields = new ArrayList<>();
        for (RequestFields.Leaf leaf : RequestFields.all()) {
            String key = leaf.key();
            String part = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (CASE.contains(key)) {
                parts.get("case").add(key);
            } else if (part.equals("parents")) {
                parentFields.add(key.substring(part.length() + 1));
            } else if (part.equals(key) || PRESENCES.contains(part)) {
                List<String> family = parts.get("family");
                if (PRESENCES.contains(part) && !family.contains(part)) {
                    family.add(part);
                }
                family.add(key);
            } else {
                parts.computeIfAbsent(part, p -> new ArrayList<>()).add(key);
            }
        }
        List<Section> sections = new ArrayList<>();
        parts.forEach((key, paths) -> {
            sections.add(new Section(key, -1, paths.stream().map(FamilyForm::field).toList()));
            if (key.equals("family")) {
                for (int parent = 0; parent < PARENTS; parent++) {
                    int index = parent;
                    sections.add(new Section("parent", index, parentFields.stream()
                            .map(name -> field("parents[" + index + "]." + name)).toList()));
                }
            }
        });
        return List.copyOf(sections);
    }

    private static FormField field(String path) {
        return PRESENCES.contains(path) ? new FormField(path, Kind.PRESENCE, List.of("true", "false"), null, null, false)
                : RequestFields.field(path);
    }
}
