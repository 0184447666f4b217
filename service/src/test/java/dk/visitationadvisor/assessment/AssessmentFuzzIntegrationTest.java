package dk.visitationadvisor.assessment;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dk.visitationadvisor.support.JsonText;
import dk.visitationadvisor.support.JsonText.Raw;
import dk.visitationadvisor.support.RandomFamilies;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Property-based fuzzing of {@code POST /api/v1/assessments}, in process against the whole service
 * with a database of its own. Random valid families must get a {@code 201} whose statuses agree with
 * their reasons and that is on record byte for byte; random malformed requests must get a 4xx
 * problem document and store nothing.
 *
 * <p>Each run draws a new seed, named in every failure; repeat a run with
 * {@code -Dadvisor.fuzz.seed=<seed>}. {@code -Dadvisor.fuzz.valid} and {@code -Dadvisor.fuzz.malformed}
 * set the number of cases (default 1000 and 2000).
 */
@SpringBootTest
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
// Thousands of requests from one caller in a minute: the rate limit would answer most of them 429.
@TestPropertySource(properties = {"spring.datasource.url=jdbc:h2:mem:assessment-fuzz;DB_CLOSE_DELAY=-1",
        "advisor.security.rate-limit.assessments-per-minute=1000000000"})
@WithMockUser(roles = "CASEWORKER")
class AssessmentFuzzIntegrationTest {

    private static final long SEED = Long.getLong("advisor.fuzz.seed", System.nanoTime());
    private static final int VALID = Integer.getInteger("advisor.fuzz.valid", 1000);
    private static final int MALFORMED = Integer.getInteger("advisor.fuzz.malformed", 2000);
    private static final int LIMIT = 65_536;
    private static final int REPORTED = 10;
    /** A value that must never come back in a problem document: submitted values are not echoed. */
    private static final String MARKER = "Echo-4711-Marker";
    private static final Set<String> PROGRAMMES = Set.of("INTENSIVE_INFANT", "FAMILY_PLACEMENT");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyValidFamilyGetsA201WhoseStatusesAgreeWithItsReasonsAndIsOnRecord() throws Exception {
        RandomFamilies families = new RandomFamilies(SEED, LocalDate.now());
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < VALID && failures.size() < REPORTED; i++) {
            Map<String, Object> family = families.family();
            String body = JsonText.write(family);
            long before = rows();
            MockHttpServletResponse response = send(HttpMethod.POST, MediaType.APPLICATION_JSON_VALUE,
                    body.getBytes(StandardCharsets.UTF_8), families.chance(0.5) ? "en" : "da");
            List<String> broken = new ArrayList<>();
            if (response.getStatus() != 201) {
                broken.add("status " + response.getStatus() + ": " + response.getContentAsString());
            } else {
                JsonNode answer = json.readTree(response.getContentAsString());
                broken.addAll(inconsistencies(family, answer));
                answer.path("programmes").forEach(p -> statuses.merge(p.path("programme").asString() + " "
                        + p.path("status").asString(), 1, Integer::sum));
                if (!("/api/v1/assessments/" + answer.path("assessmentId").asString())
                        .equals(response.getHeader("Location"))) {
                    broken.add("Location " + response.getHeader("Location"));
                }
                String stored = mvc.perform(get(response.getHeader("Location"))).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                if (!stored.equals(response.getContentAsString(StandardCharsets.UTF_8))) {
                    broken.add("the stored answer differs from the one sent");
                }
                if (rows() != before + 1) {
                    broken.add("stored " + (rows() - before) + " rows, not 1");
                }
            }
            if (!broken.isEmpty()) {
                failures.add("case " + i + " " + broken + "\n  request: " + body);
            }
        }
        System.out.printf("fuzz (seed %d): %d valid families in %d s, %d failed; statuses %s%n", SEED, VALID,
                (System.nanoTime() - started) / 1_000_000_000, failures.size(), statuses);
        org.assertj.core.api.Assertions.assertThat(failures).as("seed " + SEED).isEmpty();
    }

    @Test
    void everyMalformedRequestGetsA4xxProblemDocumentAndStoresNothing() throws Exception {
        RandomFamilies families = new RandomFamilies(SEED + 1, LocalDate.now());
        List<String> failures = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < MALFORMED && failures.size() < REPORTED; i++) {
            Malformed request = malformed(families);
            long before = rows();
            long sent = System.nanoTime();
            MockHttpServletResponse response = send(request.method(), request.contentType(), request.body(),
                    families.chance(0.5) ? "en" : "da");
            millis.merge(request.kind(), (System.nanoTime() - sent) / 1_000_000, Long::sum);
            kinds.merge(request.kind() + " " + response.getStatus(), 1, Integer::sum);
            String problem = response.getContentAsString(StandardCharsets.UTF_8);
            List<String> broken = new ArrayList<>();
            int expected = request.expected();
            if (expected == 400 && request.body().length > LIMIT) {
                expected = 413;
            }
            if (response.getStatus() != expected) {
                broken.add("status " + response.getStatus() + ", expected " + expected);
            }
            if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(
                    response.getContentType() == null ? "text/plain" : response.getContentType()))) {
                broken.add("content type " + response.getContentType());
            } else if (json.readTree(problem).path("status").asInt() != response.getStatus()) {
                broken.add("the problem document's status differs");
            }
            if (problem.contains(MARKER)) {
                broken.add("the problem document echoes a submitted value");
            }
            if (rows() != before) {
                broken.add("stored " + (rows() - before) + " rows");
            }
            if (!broken.isEmpty()) {
                failures.add("case " + i + " (" + request.kind() + ") " + broken + "\n  answer: "
                        + abbreviate(problem) + "\n  request: "
                        + abbreviate(new String(request.body(), StandardCharsets.UTF_8)));
            }
        }
        System.out.printf("fuzz (seed %d): %d malformed requests in %d s, %d failed; kinds and statuses %s%n",
                SEED + 1, MALFORMED, (System.nanoTime() - started) / 1_000_000_000, failures.size(), kinds);
        System.out.println("fuzz: milliseconds by kind " + millis);
        org.assertj.core.api.Assertions.assertThat(failures).as("seed " + (SEED + 1)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // The properties of a 201, read from the answer (and, where noted, from the request).

    private static List<String> inconsistencies(Map<String, Object> family, JsonNode answer) {
        List<String> broken = new ArrayList<>();
        Map<String, String> statusOf = new LinkedHashMap<>();
        for (JsonNode programme : answer.path("programmes")) {
            String name = programme.path("programme").asString();
            String status = programme.path("status").asString();
            statusOf.put(name, status);
            boolean blocking = false;
            boolean open = false;
            for (JsonNode reason : programme.path("reasons")) {
                String kind = reason.path("kind").asString();
                String outcome = reason.path("outcome").asString();
                blocking |= kind.equals("INCLUSION") && outcome.equals("NOT_MET")
                        || kind.equals("EXCLUSION") && outcome.equals("MET");
                open |= (kind.equals("INCLUSION") || kind.equals("EXCLUSION")) && outcome.equals("UNKNOWN")
                        || kind.equals("ASSESSMENT") && !outcome.equals("NOT_MET");
                if (status.equals("ELIGIBLE") && outcome.equals("UNKNOWN")) {
                    broken.add(name + " is ELIGIBLE though " + reason.path("code").asString() + " is UNKNOWN");
                }
            }
            if (blocking != status.equals("NOT_ELIGIBLE")) {
                broken.add(name + " is " + status + (blocking ? " though" : " but no") + " criterion rules it out");
            }
            if (status.equals("ELIGIBLE") && open) {
                broken.add(name + " is ELIGIBLE though a question is open");
            }
        }
        if (!statusOf.keySet().equals(PROGRAMMES) || answer.path("programmes").size() != 2) {
            broken.add("programmes " + statusOf.keySet());
        }
        // A family missing a fact that both programmes need is eligible for neither.
        Object parents = family.get("parents");
        Object concern = family.get("concern");
        boolean noParents = parents == null || ((List<?>) parents).isEmpty();
        boolean noConcernLevel = !(concern instanceof Map<?, ?> c) || c.get("level") == null;
        if ((noParents || noConcernLevel) && statusOf.containsValue("ELIGIBLE")) {
            broken.add("ELIGIBLE without " + (noParents ? "parents" : "concern.level"));
        }
        if (noParents && !contains(answer.path("missingInformation"), "parents")) {
            broken.add("no parents, but parents is not missing");
        }

        // At visitation the recommendation follows eligibility; in a course the running programme stays
        // recommended whatever its entry criteria say today, and a switch goes to an eligible one.
        JsonNode recommended = answer.path("recommendedProgramme");
        List<String> eligible = statusOf.entrySet().stream().filter(e -> e.getValue().equals("ELIGIBLE"))
                .map(Map.Entry::getKey).toList();
        Object course = family.get("course");
        Object courseProgramme = course instanceof Map<?, ?> c ? c.get("programme") : null;
        if (!recommended.isMissingNode() && !recommended.isNull()
                && !"ELIGIBLE".equals(statusOf.get(recommended.asString()))
                && !recommended.asString().equals(courseProgramme)) {
            broken.add("recommends " + recommended.asString() + ", which is " + statusOf.get(recommended.asString())
                    + " and not the running course's programme");
        }
        if (course == null && eligible.size() == 1 && !eligible.get(0).equals(recommended.asString(""))
                && answer.path("recommendationReasons").isEmpty()) {
            broken.add("only " + eligible.get(0) + " is eligible, but it recommends " + recommended + " without a reason");
        }
        if (course == null && eligible.isEmpty() && !recommended.isMissingNode() && !recommended.isNull()) {
            broken.add("nothing is eligible, but it recommends " + recommended);
        }

        JsonNode visits = answer.path("visitPlan").path("visitsPerWeek");
        if (visits.path("min").isNumber() && visits.path("max").isNumber()
                && visits.path("min").asInt() > visits.path("max").asInt()) {
            broken.add("visits a week " + visits);
        }
        if (visits.path("min").isNumber() && visits.path("min").asInt() < 0) {
            broken.add("visits a week " + visits);
        }

        TreeSet<String> missing = new TreeSet<>();
        List<JsonNode> reasons = new ArrayList<>();
        answer.path("programmes").forEach(p -> p.path("reasons").forEach(reasons::add));
        answer.path("recommendationReasons").forEach(reasons::add);
        answer.path("abstentions").forEach(reasons::add);
        reasons.forEach(r -> r.path("missing").forEach(m -> missing.add(m.asString())));
        List<String> listed = new ArrayList<>();
        answer.path("missingInformation").forEach(m -> listed.add(m.asString()));
        if (!listed.equals(List.copyOf(missing))) {
            broken.add("missingInformation " + listed + " is not what the reasons miss: " + missing);
        }
        answer.path("visitPlan").path("reasons").forEach(reasons::add);
        answer.path("escalations").forEach(reasons::add);
        answer.path("followUps").forEach(reasons::add);
        for (JsonNode reason : reasons) {
            for (String field : List.of("code", "rule", "text", "source")) {
                if (reason.path(field).asString("").isBlank()) {
                    broken.add("a statement without " + field + ": " + reason.path("code").asString(reason.toString()));
                }
            }
        }
        if (answer.path("firedRules").isEmpty()) {
            broken.add("no rule fired");
        }
        return broken;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------
    // Malformed requests: a valid family, broken in one way.

    record Malformed(String kind, HttpMethod method, String contentType, byte[] body, int expected) {

        static Malformed json(String kind, Object family) {
            return bytes(kind, JsonText.write(family).getBytes(StandardCharsets.UTF_8));
        }

        static Malformed bytes(String kind, byte[] body) {
            return new Malformed(kind, HttpMethod.POST, MediaType.APPLICATION_JSON_VALUE, body, 400);
        }
    }

    /** The whole numbers of a request and their ranges, in a fixed order (a seed must repeat a run). */
    private static final Map<String, int[]> RANGES = new TreeMap<>(Map.ofEntries(Map.entry("olderSiblings", new int[] {0, 20}),
            Map.entry("pregnancy.gestationalWeek", new int[] {1, 45}), Map.entry("measurements.epds", new int[] {0, 30}),
            Map.entry("measurements.epdsSelfHarm", new int[] {0, 3}), Map.entry("measurements.adbb", new int[] {0, 32}),
            Map.entry("measurements.ors", new int[] {0, 40}), Map.entry("measurements.srs", new int[] {0, 40}),
            Map.entry("measurements.careIndexSensitivity", new int[] {0, 14}),
            Map.entry("measurements.asqse2", new int[] {0, 500}),
            Map.entry("measurements.asqse2IntervalMonths", new int[] {1, 72}),
            Map.entry("measurements.missedContacts", new int[] {0, 1000})));

    private static final List<String> KINDS = List.of("wrong-type", "unknown-field", "out-of-range", "bad-text",
            "deep-nesting", "huge", "invalid-utf8", "content-type", "duplicate-field", "syntax", "null-element",
            "inconsistent-dates", "method");

    private static Malformed malformed(RandomFamilies families) {
        Map<String, Object> family = families.family();
        String kind = families.pick(KINDS);
        return switch (kind) {
            case "wrong-type" -> {
                Slot slot = slot(families, family, true);
                slot.set(families.pick(wrongTypes(slot.get())));
                yield Malformed.json(kind, family);
            }
            case "unknown-field" -> {
                List<Map<String, Object>> objects = objects(family);
                Map<String, Object> object = objects.get(families.random().nextInt(objects.size()));
                object.put(families.pick(List.of("x", "caseref", "Consent", "riskFactor", "parent", "notes", "cpr",
                        "gestationalweek", "__proto__", "")) + families.random().nextInt(3), MARKER);
                yield Malformed.json(kind, family);
            }
            case "out-of-range" -> {
                String field = families.pick(List.copyOf(RANGES.keySet()));
                int[] range = RANGES.get(field);
                Object number = families.pick(List.of(range[0] - 1 - families.random().nextInt(1000),
                        range[1] + 1 + families.random().nextInt(1000), Integer.MAX_VALUE, Integer.MIN_VALUE,
                        new Raw("2147483648"), new Raw("-9223372036854775809"), new Raw("1e400"), new Raw("-1e400"),
                        new Raw("123456789012345678901234567890"), new Raw("0.5"), new Raw("-0.0"), new Raw("1E2")));
                Map<String, Object> target = family;
                if (field.contains(".")) {
                    target = new LinkedHashMap<>();
                    family.put(field.substring(0, field.indexOf('.')), target);
                    field = field.substring(field.indexOf('.') + 1);
                }
                target.put(field, number);
                yield Malformed.json(kind, family);
            }
            case "bad-text" -> {
                String field = families.pick(List.of("caseRef", "caseRef", "assessmentDate", "housing", "child"));
                Object value = switch (field) {
                    case "caseRef" -> families.pick(List.of("", " ", "010190-1234", "K-0101901234-x", "0101901234",
                            "K 1", "K-\u00e6\u00f8\u00e5", "-K", "K-" + "x".repeat(63), "K-1\n", "K-1<script>",
                            "K-\ud83d\ude00", MARKER + " " + MARKER));
                    case "assessmentDate" -> families.pick(List.of("2026-02-30", "2026-13-01", "22-11-2026",
                            "2026-11-22T10:00:00", "today", LocalDate.now().plusDays(1 + families.random().nextInt(999))
                                    .toString(), "+1000000-01-01", ""));
                    case "housing" -> families.pick(List.of("stable", "STABLE ", "CASTLE", "", MARKER));
                    default -> Map.of("birthDate", LocalDate.now().plusDays(1 + families.random().nextInt(99)).toString());
                };
                family.put(field, value);
                yield Malformed.json(kind, family);
            }
            case "deep-nesting" -> {
                int depth = 600 + families.random().nextInt(20_000);
                String open = families.chance(0.5) ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + (families.chance(0.5) ? "1" + close.repeat(depth) : "");
                slot(families, family, false).set(new Raw(nested));
                yield Malformed.json(kind, family);
            }
            case "huge" -> {
                int size = families.pick(List.of(5_000, 30_000, 64_000, 70_000, 200_000, 2_000_000));
                Object value = switch (families.random().nextInt(4)) {
                    case 0 -> "K" + "x".repeat(size);
                    case 1 -> new Raw("[" + "0,".repeat(size / 2) + "0]");
                    case 2 -> new Raw("[" + "\"CRIMINALITY\",".repeat(size / 14) + "\"CRIMINALITY\"]");
                    default -> new Raw("[" + "{},".repeat(size / 3) + "{}]");
                };
                String field = families.pick(List.of("caseRef", "parents", "riskFactors"));
                if (field.equals("riskFactors")) {
                    Map<String, Object> parent = new LinkedHashMap<>();
                    parent.put("riskFactors", value);
                    family.put("parents", List.of(parent));
                } else {
                    family.put(field, value);
                }
                yield Malformed.json(kind, family);
            }
            case "invalid-utf8" -> {
                byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xFF}, {(byte) 0xFE},
                        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C,
                        (byte) 0xBC}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80,
                        (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
                String placeholder = "\u0001PLACE\u0001";
                family.put(families.pick(List.of("caseRef", "housing", "assessmentDate")), "K" + placeholder);
                byte[] text = JsonText.write(family).replace("\\u0001PLACE\\u0001", placeholder)
                        .getBytes(StandardCharsets.UTF_8);
                yield Malformed.bytes(kind, splice(text, placeholder.getBytes(StandardCharsets.UTF_8),
                        invalid[families.random().nextInt(invalid.length)]));
            }
            case "content-type" -> new Malformed(kind, HttpMethod.POST, families.pick(List.of("text/plain",
                    "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                    "text/json", "application/octet-stream", "application/json-patch+json", "image/png")),
                    JsonText.write(family).getBytes(StandardCharsets.UTF_8), 415);
            case "duplicate-field" -> {
                List<Map<String, Object>> objects = objects(family).stream().filter(o -> !o.isEmpty()).toList();
                Map<String, Object> object = objects.get(families.random().nextInt(objects.size()));
                String key = families.pick(List.copyOf(object.keySet()));
                object.put(key + JsonText.AGAIN, object.get(key));
                yield Malformed.json(kind, family);
            }
            case "syntax" -> {
                String text = JsonText.write(family);
                if (families.chance(1.0 / 12)) {
                    byte[] garbage = new byte[1 + families.random().nextInt(200)];
                    families.random().nextBytes(garbage);
                    yield Malformed.bytes(kind, garbage);
                }
                String broken = switch (families.random().nextInt(11)) {
                    case 0 -> text.substring(0, families.random().nextInt(text.length()));
                    case 1 -> "";
                    case 2 -> families.pick(List.of("null", "[]", "42", "\"K-1\"", "true", "[" + text + "]"));
                    case 3 -> text + families.pick(List.of("x", "}", ",{}", "{}"));
                    case 4 -> text.replaceFirst("}$", ",}");
                    case 5 -> text.replace('"', '\'');
                    case 6 -> "/* a comment */" + text;
                    case 7 -> text.replaceFirst("\"caseRef\"", "caseRef");
                    case 8 -> text.replaceFirst("}$", ",\"olderSiblings\":NaN}");
                    case 9 -> text.replaceFirst(":", "");
                    default -> text.replaceFirst("}$", ",\"consent\":tru}");
                };
                yield Malformed.bytes(kind, broken.getBytes(StandardCharsets.UTF_8));
            }
            case "null-element" -> {
                List<Object> parents = new ArrayList<>();
                parents.add(null);
                if (families.chance(0.5)) {
                    Map<String, Object> parent = new LinkedHashMap<>();
                    List<Object> factors = new ArrayList<>();
                    factors.add("CRIMINALITY");
                    factors.add(null);
                    parent.put("riskFactors", factors);
                    parents.set(0, parent);
                }
                family.put("parents", parents);
                yield Malformed.json(kind, family);
            }
            case "inconsistent-dates" -> {
                LocalDate assessed = LocalDate.now().minusDays(100 + families.random().nextInt(100));
                family.put("assessmentDate", assessed.toString());
                Map<String, Object> course = new LinkedHashMap<>();
                course.put("programme", "INTENSIVE_INFANT");
                switch (families.random().nextInt(4)) {
                    case 0 -> family.put("child", Map.of("birthDate", assessed.plusDays(1 + families.random().nextInt(50))
                            .toString()));
                    case 1 -> course.put("startDate", assessed.plusDays(1).toString());
                    case 2 -> {
                        course.put("startDate", assessed.minusDays(10).toString());
                        course.put("phaseStartDate", assessed.minusDays(11).toString());
                    }
                    default -> course.put("phase", "RESIDENTIAL_STAY");
                }
                if (course.size() > 1) {
                    family.put("course", course);
                }
                yield Malformed.json(kind, family);
            }
            // A method the address does not take: 405, whatever the caller's role (docs/security.md).
            default -> new Malformed(kind, families.pick(List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)),
                    MediaType.APPLICATION_JSON_VALUE, JsonText.write(family).getBytes(StandardCharsets.UTF_8), 405);
        };
    }

    /** Values of a JSON type other than the field's, also those a lenient reader would coerce ("12" for 12). */
    private static List<Object> wrongTypes(Object value) {
        if (value instanceof String) {
            return List.of(Map.of("value", MARKER), List.of(MARKER), new Raw("{}"), new Raw("[]"), 0, 42, 1.5, true,
                    List.of(2026, 1, 1));
        }
        if (value instanceof Number) {
            return List.of(MARKER, "twelve", "12", "0", Map.of(), List.of(1), new Raw("true"), 1.5, new Raw("2.0"));
        }
        if (value instanceof Boolean) {
            return List.of(MARKER, "ja", "true", "false", 1, 0, Map.of(), List.of(true));
        }
        if (value instanceof Map) {
            return List.of(MARKER, List.of(), 7, true);
        }
        return List.of(Map.of(), MARKER, 3, false);
    }

    /** A place in the tree that holds a value: a field or a list element. */
    private record Slot(java.util.function.Supplier<Object> getter, java.util.function.Consumer<Object> setter) {
        Object get() {
            return getter.get();
        }

        void set(Object value) {
            setter.accept(value);
        }
    }

    /** A random slot; one that holds a value other than null, when {@code valued}. */
    private static Slot slot(RandomFamilies families, Map<String, Object> family, boolean valued) {
        List<Slot> slots = new ArrayList<>();
        collect(family, slots);
        return families.pick(slots.stream().filter(s -> !valued || s.get() != null).toList());
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Slot> slots) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> object = (Map<String, Object>) map;
            for (String key : List.copyOf(object.keySet())) {
                slots.add(new Slot(() -> object.get(key), value -> object.put(key, value)));
                collect(object.get(key), slots);
            }
        } else if (node instanceof List<?> list) {
            List<Object> array = (List<Object>) list;
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(new Slot(() -> array.get(index), value -> array.set(index, value)));
                collect(array.get(i), slots);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(Object node) {
        List<Map<String, Object>> objects = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            objects.add((Map<String, Object>) map);
            map.values().forEach(v -> objects.addAll(objects(v)));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> objects.addAll(objects(v)));
        }
        return objects;
    }

    private static byte[] splice(byte[] text, byte[] placeholder, byte[] replacement) {
        for (int i = 0; i + placeholder.length <= text.length; i++) {
            if (java.util.Arrays.equals(text, i, i + placeholder.length, placeholder, 0, placeholder.length)) {
                byte[] spliced = new byte[text.length - placeholder.length + replacement.length];
                System.arraycopy(text, 0, spliced, 0, i);
                System.arraycopy(replacement, 0, spliced, i, replacement.length);
                System.arraycopy(text, i + placeholder.length, spliced, i + replacement.length,
                        text.length - i - placeholder.length);
                return spliced;
            }
        }
        throw new IllegalStateException("no placeholder");
    }

    private MockHttpServletResponse send(HttpMethod method, String contentType, byte[] body, String language)
            throws Exception {
        return mvc.perform(request(method, "/api/v1/assessments").contentType(contentType).content(body)
                .header("Accept-Language", language)).andReturn().getResponse();
    }

    private long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM assessment").query(Long.class).single();
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "… (" + text.length() + " characters)";
    }
}
