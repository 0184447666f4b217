package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AssessmentOutcome;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse.ChangeSet;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactual;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactuals;
import dk.visitationadvisor.assessment.AssessmentResponse.FactChange;
import dk.visitationadvisor.assessment.AssessmentService.Trial;
import dk.visitationadvisor.facts.Parameters;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;

/**
 * The smallest changes of entered facts that would change an outcome: a programme that is not eligible
 * becoming eligible, or a visit plan raised to its upper end coming down. Only facts a family or a measure
 * can change are changed ({@link #CHANGEABLE}, {@link #CHANGEABLE_PER_PARENT}), each to every other value
 * it can take ({@link Domains}): first each single change, then, for an outcome no single change brings
 * about, each pair of changes. Where none does, the authority's judgements ({@link #AUTHORITY}) are tried
 * alone, only to say whether they are what decides; they are never offered as a change.
 */
final class CounterfactualSearch {

    /** Facts of the household, the child and the course that a family or a measure can change. */
    static final List<String> CHANGEABLE = List.of("housing", "network", "consent", "child.growthOnTrack",
            "course.statusLetterSent", "course.dischargePlan", "course.networkAgreements", "course.safetyPlan",
            "measurements.epds", "measurements.epdsSelfHarm", "measurements.adbb", "measurements.ors",
            "measurements.srs", "measurements.careIndexSensitivity", "measurements.asqse2",
            "measurements.missedContacts");
    /** Facts of each parent that the parent or a measure can change. */
    static final List<String> CHANGEABLE_PER_PARENT = List.of("substanceUse", "wantsSubstanceTreatment",
            "participates");
    /** The authority's judgements: tried only to tell whether they alone decide. */
    static final List<String> AUTHORITY = List.of("concern.level", "concern.childSafetyConcern",
            "concern.doubtAboutParentingCapacity", "concern.placementNecessary");
    /** At most this many change sets are listed per outcome. */
    static final int LISTED = 5;

    private final Trial trial;
    private final Budget.Running running;
    private final JsonMapper json;
    private final Texts texts;
    private final JsonNode tree;

    private CounterfactualSearch(AssessmentRequest request, Trial trial, Budget budget, JsonMapper json, Texts texts) {
        this.trial = trial;
        this.running = budget.start();
        this.json = json;
        this.texts = texts;
        this.tree = json.valueToTree(request);
    }

    /** One fact changed from its entered value to another. */
    private record Move(FieldPath field, JsonNode from, JsonNode to) {
    }

    /** An outcome that could change, and the test of whether a variant brings it about. */
    private record Target(Programme programme, String kind, String now, Predicate<AssessmentOutcome> reached) {
    }

    private record Found(List<Move> moves, AssessmentOutcome outcome) {
    }

    static Counterfactuals search(AssessmentRequest request, Trial trial, Budget budget, JsonMapper json,
            Texts texts) {
        return new CounterfactualSearch(request, trial, budget, json, texts).run(request);
    }

    private Counterfactuals run(AssessmentRequest request) {
        AssessmentOutcome given = trial.given(request);
        Map<Target, List<Found>> found = new LinkedHashMap<>();
        targets(given).forEach(target -> found.put(target, new ArrayList<>()));
        Map<Target, Boolean> authority = new LinkedHashMap<>();
        if (!found.isEmpty()) {
            List<Move> moves = moves(request, changeable(request));
            for (Move move : moves) {
                // A number: only the nearest value that brings an outcome about (moves are nearest first).
                List<Target> open = found.keySet().stream()
                        .filter(t -> !move.to().isNumber() || found.get(t).stream()
                                .noneMatch(f -> f.moves().get(0).field().path().equals(move.field().path())))
                        .toList();
                tryChanges(List.of(move), found, open);
            }
            List<Target> unmet = unmet(found);
            pairs:
            for (int i = 0; i < moves.size() && !unmet.isEmpty(); i++) {
                for (int j = i + 1; j < moves.size(); j++) {
                    if (running.exhausted() || unmet.stream().allMatch(t -> found.get(t).size() >= LISTED)) {
                        break pairs;
                    }
                    if (!moves.get(i).field().path().equals(moves.get(j).field().path())) {
                        tryChanges(List.of(moves.get(i), moves.get(j)), found, unmet);
                    }
                }
            }
            unmet = unmet(found);
            unmet.forEach(target -> authority.put(target, false));
            for (Move move : unmet.isEmpty() ? List.<Move>of() : moves(request, AUTHORITY)) {
                if (!running.take()) {
                    break;
                }
                AssessmentOutcome outcome = trial.outcome(apply(List.of(move)));
                unmet.stream().filter(t -> t.reached().test(outcome)).forEach(t -> authority.put(t, true));
            }
        }
        List<Counterfactual> outcomes = found.entrySet().stream()
                .map(e -> counterfactual(e.getKey(), e.getValue(), authority.getOrDefault(e.getKey(), false)))
                .toList();
        return new Counterfactuals(outcomes, texts.get("whatif.searched"), running.spent() + 1, running.exhausted());
    }

    private List<Target> unmet(Map<Target, List<Found>> found) {
        return found.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    private void tryChanges(List<Move> moves, Map<Target, List<Found>> found, List<Target> targets) {
        if (!running.take()) {
            return;
        }
        AssessmentOutcome outcome = trial.outcome(apply(moves));
        for (Target target : targets) {
            if (target.reached().test(outcome) && found.get(target).size() < LISTED) {
                found.get(target).add(new Found(moves, outcome));
            }
        }
    }

    /** Each programme that is not eligible; the visit plan when an adjustment raised it. */
    private List<Target> targets(AssessmentOutcome given) {
        List<Target> targets = new ArrayList<>();
        for (Programme programme : Programme.values()) {
            Status status = given.statuses().get(programme);
            if (status != Status.ELIGIBLE) {
                targets.add(new Target(programme, "ELIGIBLE", String.valueOf(status),
                        outcome -> outcome.statuses().get(programme) == Status.ELIGIBLE));
            }
        }
        if (given.raised()) {
            int min = given.visitsPerWeek().min();
            targets.add(new Target(given.planProgramme(), "FEWER_VISITS",
                    given.phase() + " " + min + "-" + Objects.toString(given.visitsPerWeek().max(), "?"),
                    outcome -> outcome.planProgramme() == given.planProgramme() && outcome.phase() == given.phase()
                            && outcome.visitsPerWeek() != null && outcome.visitsPerWeek().min() != null
                            && outcome.visitsPerWeek().min() < min));
        }
        return targets;
    }

    /** The changeable fields of this family: the household's, and each parent's. */
    private static List<String> changeable(AssessmentRequest request) {
        List<String> fields = new ArrayList<>(CHANGEABLE);
        int parents = request.parents() == null ? 0 : request.parents().size();
        for (int parent = 0; parent < parents; parent++) {
            for (String field : CHANGEABLE_PER_PARENT) {
                fields.add("parents[" + parent + "]." + field);
            }
        }
        return fields;
    }

    /**
     * Every change of an entered field to another value it can take. A field left unknown is not changed
     * (it is missing information, not a fact to change), except whether a parent takes part, where unknown
     * means taking part.
     */
    private List<Move> moves(AssessmentRequest request, List<String> paths) {
        Parameters parameters = trial.parameters();
        List<Move> moves = new ArrayList<>();
        for (String path : paths) {
            FieldPath field = FieldPath.of(path).orElseThrow();
            JsonNode from = field.valueIn(tree);
            if (path.endsWith(".participates")) {
                // Unknown means taking part; a parent may stop taking part only while another takes part.
                if (from.isMissingNode() || from.isNull()) {
                    from = BooleanNode.TRUE;
                }
                if (from.booleanValue() && participating(request) < 2) {
                    continue;
                }
            } else if (from.isMissingNode() || from.isNull()) {
                continue;
            }
            JsonNode entered = from;
            Domains.of(field, parameters).stream()
                    .filter(to -> !to.equals(entered))
                    .sorted(Comparator.comparingInt(to -> to.isNumber() ? Math.abs(to.asInt() - entered.asInt()) : 0))
                    .forEach(to -> moves.add(new Move(field, entered, to)));
        }
        return moves;
    }

    private static long participating(AssessmentRequest request) {
        return request.parents() == null ? 0
                : request.parents().stream().filter(p -> !Boolean.FALSE.equals(p.participates())).count();
    }

    private AssessmentRequest apply(List<Move> moves) {
        JsonNode changed = tree;
        for (Move move : moves) {
            changed = json.valueToTree(move.field().set(json, changed, move.to()));
        }
        return json.treeToValue(changed, AssessmentRequest.class);
    }

    private Counterfactual counterfactual(Target target, List<Found> found, boolean onlyAuthority) {
        String what = target.kind().equals("FEWER_VISITS") ? texts.get("whatif.counterfactual.visits")
                : texts.programme(target.programme());
        List<ChangeSet> changes = found.stream().map(f -> changeSet(target, f)).toList();
        String text;
        if (!changes.isEmpty()) {
            String result = target.kind().equals("FEWER_VISITS") ? visits(found.get(0).outcome())
                    : texts.get("whatif.result.eligible");
            text = texts.get("whatif.counterfactual.found", what, result, found.stream()
                    .map(f -> conditions(f.moves()))
                    .collect(Collectors.joining(texts.get("whatif.counterfactual.or") + " ")));
        } else {
            text = texts.get(onlyAuthority ? "whatif.counterfactual.authority"
                    : running.exhausted() ? "whatif.counterfactual.cutShort" : "whatif.counterfactual.none", what);
        }
        return new Counterfactual(target.programme(), target.kind(), target.now(), changes, onlyAuthority, text);
    }

    private ChangeSet changeSet(Target target, Found found) {
        List<FactChange> facts = found.moves().stream()
                .map(m -> new FactChange(m.field().path(), plain(m.from()), plain(m.to())))
                .toList();
        String result = target.kind().equals("FEWER_VISITS")
                ? Objects.toString(found.outcome().visitsPerWeek().min()) + "-"
                        + Objects.toString(found.outcome().visitsPerWeek().max())
                : Status.ELIGIBLE.name();
        return new ChangeSet(facts, result, conditions(found.moves()));
    }

    /** "Bolig var Stabil bolig og …". */
    private String conditions(List<Move> moves) {
        return moves.stream()
                .map(m -> texts.get("whatif.counterfactual.factChange", texts.field(m.field().path()),
                        texts.value(m.field(), m.to()).toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining(" " + texts.get("whatif.counterfactual.and") + " "));
    }

    private String visits(AssessmentOutcome outcome) {
        return texts.get("whatif.change.visits", outcome.visitsPerWeek().min(),
                Objects.toString(outcome.visitsPerWeek().max(), "?"));
    }

    private static String plain(JsonNode value) {
        return value.isArray() ? value.toString() : value.asString();
    }
}
