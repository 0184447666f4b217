package dk.visitationadvisor.support;

import dk.visitationadvisor.facts.CognitiveFunction;
import dk.visitationadvisor.facts.ConcernLevel;
import dk.visitationadvisor.facts.Housing;
import dk.visitationadvisor.facts.MentalIllness;
import dk.visitationadvisor.facts.Network;
import dk.visitationadvisor.facts.ParentRole;
import dk.visitationadvisor.facts.Phase;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Rater;
import dk.visitationadvisor.facts.RiskFactorType;
import dk.visitationadvisor.facts.SubstanceUse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Random families that pass the request's validation (docs/api-guide.md §3), from a seed: each field
 * is left out, {@code null} or a value in range, and dates keep their order (a birth or a course
 * start on or before the assessment date). A family is a tree of maps and lists, to be mutated into
 * malformed requests and written with {@link JsonText}.
 */
public final class RandomFamilies {

    private static final Pattern CPR_SHAPED = Pattern.compile("(?<!\\d)\\d{6}[-\\s.]?\\d{4}(?!\\d)");
    private static final String FIRST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String REST = FIRST + "._-";
    /** Case references used more than once, so that later assessments compare with earlier ones. */
    private static final int SHARED_CASES = 40;

    private final Random random;
    private final LocalDate today;
    /** While making a family with every field known. */
    private boolean complete;
    /** While making a family whose values lean towards the target groups: more of them are eligible. */
    private boolean leaning;

    public RandomFamilies(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    public Random random() {
        return random;
    }

    /** A family that the service must answer with {@code 201}. */
    public Map<String, Object> family() {
        Map<String, Object> family = new LinkedHashMap<>();
        complete = chance(0.4);
        leaning = complete && chance(0.6);
        family.put("caseRef", caseRef());
        LocalDate assessed = null;
        if (chance(0.8)) {
            assessed = today.minusDays(random.nextInt(800));
            family.put("assessmentDate", assessed.toString());
        }
        LocalDate date = assessed == null ? today : assessed;
        section(family, "pregnancy", () -> {
            Map<String, Object> pregnancy = new LinkedHashMap<>();
            maybe(pregnancy, "gestationalWeek", () -> 1 + random.nextInt(45));
            return pregnancy;
        });
        section(family, "child", () -> {
            Map<String, Object> child = new LinkedHashMap<>();
            maybe(child, "birthDate", () -> date.minusDays(random.nextInt(leaning ? 300 : 500)).toString());
            maybe(child, "growthOnTrack", random::nextBoolean);
            return child;
        });
        maybe(family, "olderSiblings", () -> random.nextInt(21));
        maybe(family, "parents", () -> {
            List<Object> parents = new ArrayList<>();
            int count = complete ? 1 + random.nextInt(2) : random.nextInt(5);
            for (int i = 0; i < count; i++) {
                parents.add(parent());
            }
            return parents;
        });
        section(family, "concern", () -> {
            Map<String, Object> concern = new LinkedHashMap<>();
            maybe(concern, "level", () -> leaning ? pick(List.of("SIGNIFICANT", "ACUTE")) : pick(ConcernLevel.values()));
            maybe(concern, "childSafetyConcern", () -> leaning || random.nextBoolean());
            maybe(concern, "doubtAboutParentingCapacity", () -> leaning || random.nextBoolean());
            maybe(concern, "placementNecessary", () -> !leaning && random.nextBoolean());
            return concern;
        });
        maybe(family, "consent", () -> leaning || random.nextBoolean());
        maybe(family, "housing", () -> pick(Housing.values()));
        maybe(family, "network", () -> pick(Network.values()));
        if (chance(0.4)) {
            family.put("course", chance(0.1) ? null : course(date));
        }
        if (chance(0.5)) {
            family.put("measurements", chance(0.1) ? null : measurements());
        }
        return family;
    }

    private Map<String, Object> parent() {
        Map<String, Object> parent = new LinkedHashMap<>();
        maybe(parent, "role", () -> pick(ParentRole.values()));
        maybe(parent, "riskFactors", () -> {
            List<Object> factors = new ArrayList<>();
            int count = leaning ? 2 + random.nextInt(3) : random.nextInt(chance(0.9) ? 5 : 17);
            for (int i = 0; i < count; i++) {
                factors.add(pick(RiskFactorType.values()));
            }
            return factors;
        });
        maybe(parent, "substanceUse", () -> leaning ? pick(List.of("NONE", "PREVIOUS")) : pick(SubstanceUse.values()));
        maybe(parent, "wantsSubstanceTreatment", random::nextBoolean);
        maybe(parent, "retentionAgreement", random::nextBoolean);
        maybe(parent, "mentalIllness", () -> leaning ? pick(List.of("NONE", "MILD_MODERATE"))
                : pick(MentalIllness.values()));
        maybe(parent, "cognitiveFunction", () -> leaning ? pick(List.of("NORMAL", "REDUCED"))
                : pick(CognitiveFunction.values()));
        return parent;
    }

    private Map<String, Object> course(LocalDate date) {
        Map<String, Object> course = new LinkedHashMap<>();
        Programme programme = Programme.valueOf(pick(Programme.values()));
        course.put("programme", programme.name());
        LocalDate start = chance(0.8) ? date.minusDays(random.nextInt(400)) : null;
        maybe(course, "startDate", () -> start == null ? null : start.toString());
        maybe(course, "phase", () -> pick(Arrays.stream(Phase.values()).filter(p -> p.programme() == programme)
                .map(Phase::name).toArray(String[]::new)));
        maybe(course, "phaseStartDate", () -> {
            LocalDate earliest = start == null ? date.minusDays(400) : start;
            long days = date.toEpochDay() - earliest.toEpochDay();
            return earliest.plusDays(days == 0 ? 0 : random.nextLong(days + 1)).toString();
        });
        maybe(course, "statusLetterSent", random::nextBoolean);
        maybe(course, "dischargePlan", random::nextBoolean);
        maybe(course, "networkAgreements", random::nextBoolean);
        maybe(course, "safetyPlan", random::nextBoolean);
        return course;
    }

    private Map<String, Object> measurements() {
        Map<String, Object> measurements = new LinkedHashMap<>();
        maybe(measurements, "epds", () -> random.nextInt(31));
        maybe(measurements, "epdsSelfHarm", () -> random.nextInt(4));
        maybe(measurements, "epdsRespondent", () -> pick(ParentRole.values()));
        maybe(measurements, "adbb", () -> random.nextInt(33));
        maybe(measurements, "ors", () -> random.nextInt(41));
        maybe(measurements, "orsRater", () -> pick(Rater.values()));
        maybe(measurements, "srs", () -> random.nextInt(41));
        maybe(measurements, "careIndexSensitivity", () -> random.nextInt(15));
        maybe(measurements, "asqse2", () -> random.nextInt(501));
        maybe(measurements, "asqse2IntervalMonths", () -> 1 + random.nextInt(72));
        maybe(measurements, "missedContacts", () -> random.nextInt(chance(0.9) ? 10 : 1001));
        return measurements;
    }

    /** 1–64 characters of the allowed alphabet, never CPR-shaped; often one of a few shared cases. */
    public String caseRef() {
        if (chance(0.5)) {
            return "K-FUZZ-" + random.nextInt(SHARED_CASES);
        }
        while (true) {
            StringBuilder ref = new StringBuilder().append(FIRST.charAt(random.nextInt(FIRST.length())));
            int length = random.nextInt(chance(0.9) ? 20 : 64);
            for (int i = 0; i < length; i++) {
                ref.append(REST.charAt(random.nextInt(REST.length())));
            }
            if (!CPR_SHAPED.matcher(ref).find()) {
                return ref.toString();
            }
        }
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(Enum<?>[] values) {
        return values[random.nextInt(values.length)].name();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Left out (unknown), null (unknown), or a value, in the proportions 2 : 1 : 7; always a value when complete. */
    private void maybe(Map<String, Object> object, String field, java.util.function.Supplier<Object> value) {
        double roll = complete ? 1 : random.nextDouble();
        if (roll < 0.2) {
            return;
        }
        object.put(field, roll < 0.3 ? null : value.get());
    }

    /** A section whose presence means something (pregnancy, child): left out, null, empty or filled in. */
    private void section(Map<String, Object> object, String field, java.util.function.Supplier<Map<String, Object>> value) {
        double roll = random.nextDouble();
        if (roll < 0.35) {
            return;
        }
        object.put(field, roll < 0.45 ? null : roll < 0.55 && !complete ? new LinkedHashMap<>() : value.get());
    }
}
