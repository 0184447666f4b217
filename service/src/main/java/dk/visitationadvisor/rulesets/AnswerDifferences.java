package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.ProgrammeResult;
import dk.visitationadvisor.assessment.AssessmentResponse.VisitPlan;
import dk.visitationadvisor.rulesets.ImpactReport.Change;
import dk.visitationadvisor.rulesets.ImpactReport.ChangeKind;
import dk.visitationadvisor.explanation.Reason;
import dk.visitationadvisor.facts.Programme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How two answers to the same assessment differ in what a caseworker acts on: statuses, the
 * recommended programme, escalations, the visit plan and follow-ups (not in wording), and which rules
 * are responsible for each difference.
 */
final class AnswerDifferences {

    /** Rules whose text or parameters differ between the two rule sets. */
    private final Set<String> changedRules;

    AnswerDifferences(Set<String> changedRules) {
        this.changedRules = changedRules;
    }

    List<Change> between(AssessmentResponse before, AssessmentResponse after) {
        Set<String> implicated = implicated(before, after);
        List<Change> changes = new ArrayList<>();
        for (Programme programme : Programme.values()) {
            ProgrammeResult was = programme(before, programme);
            ProgrammeResult is = programme(after, programme);
            if (!Objects.equals(was.status(), is.status())) {
                changes.add(change(ChangeKind.STATUS, programme.name(), was.status(), is.status(), implicated,
                        rulesOf(Stream.concat(was.reasons().stream(), is.reasons().stream()))));
            }
        }
        if (before.recommendedProgramme() != after.recommendedProgramme()) {
            changes.add(change(ChangeKind.RECOMMENDATION, null, before.recommendedProgramme(),
                    after.recommendedProgramme(), implicated, rulesOf(Stream.concat(
                            before.recommendationReasons().stream(), after.recommendationReasons().stream()))));
        }
        compare(ChangeKind.ESCALATION, before.escalations(), after.escalations(), AssessmentResponse.Escalation::code,
                e -> e.severity().name(), AssessmentResponse.Escalation::rule, implicated, changes);
        if (!Objects.equals(plan(before.visitPlan()), plan(after.visitPlan()))) {
            VisitPlan any = after.visitPlan() != null ? after.visitPlan() : before.visitPlan();
            changes.add(change(ChangeKind.VISIT_PLAN, any.programme().name(), plan(before.visitPlan()),
                    plan(after.visitPlan()), implicated, rulesOf(Stream.of(before.visitPlan(), after.visitPlan())
                            .filter(Objects::nonNull).flatMap(p -> p.reasons().stream()))));
        }
        compare(ChangeKind.FOLLOW_UP, before.followUps(), after.followUps(), AssessmentResponse.FollowUp::code,
                f -> f.due().toString(), AssessmentResponse.FollowUp::rule, implicated, changes);
        return changes;
    }

    /** Rules that fired with one rule set only, or fired and changed. */
    private Set<String> implicated(AssessmentResponse before, AssessmentResponse after) {
        Set<String> firedBefore = new HashSet<>(before.firedRules());
        Set<String> firedAfter = new HashSet<>(after.firedRules());
        Set<String> implicated = new TreeSet<>();
        Stream.concat(firedBefore.stream(), firedAfter.stream())
                .filter(rule -> firedBefore.contains(rule) != firedAfter.contains(rule) || changedRules.contains(rule))
                .forEach(implicated::add);
        return implicated;
    }

    /**
     * The implicated rules behind the statement; when none of them is (a change upstream, in a rule
     * the statement's rules depend on), every implicated rule.
     */
    private static Change change(ChangeKind kind, String subject, Object before, Object after, Set<String> implicated,
            Set<String> behindStatement) {
        List<String> responsible = implicated.stream().filter(behindStatement::contains).toList();
        return new Change(kind, subject, before == null ? null : before.toString(),
                after == null ? null : after.toString(), responsible.isEmpty() ? List.copyOf(implicated) : responsible);
    }

    /** Statements keyed by code (escalations, follow-ups): raised or dropped, or with another value. */
    private static <T> void compare(ChangeKind kind, List<T> before, List<T> after, Function<T, String> code,
            Function<T, String> value, Function<T, String> rule, Set<String> implicated, List<Change> changes) {
        Map<String, String> was = byCode(before, code, value);
        Map<String, String> is = byCode(after, code, value);
        Set<String> codes = new TreeSet<>(was.keySet());
        codes.addAll(is.keySet());
        for (String c : codes) {
            if (!Objects.equals(was.get(c), is.get(c))) {
                Set<String> behind = Stream.concat(before.stream(), after.stream())
                        .filter(statement -> code.apply(statement).equals(c))
                        .map(rule)
                        .collect(Collectors.toSet());
                changes.add(change(kind, c, was.get(c), is.get(c), implicated, behind));
            }
        }
    }

    /** Each code's values, joined: a code may be raised by more than one rule. */
    private static <T> Map<String, String> byCode(List<T> statements, Function<T, String> code,
            Function<T, String> value) {
        return statements.stream().collect(Collectors.groupingBy(code, TreeMap::new,
                Collectors.mapping(value, Collectors.collectingAndThen(Collectors.toCollection(TreeSet::new),
                        values -> String.join(", ", values)))));
    }

    private static ProgrammeResult programme(AssessmentResponse response, Programme programme) {
        return response.programmes().stream().filter(p -> p.programme() == programme).findFirst().orElseThrow();
    }

    private static Set<String> rulesOf(Stream<Reason> reasons) {
        return reasons.map(Reason::rule).collect(Collectors.toSet());
    }

    /** E.g. "INTENSIVE_INFANT PREGNANCY 1-2/week". */
    private static String plan(VisitPlan plan) {
        if (plan == null) {
            return null;
        }
        String visits = plan.visitsPerWeek() == null ? "no number"
                : bound(plan.visitsPerWeek().min()) + "-" + bound(plan.visitsPerWeek().max()) + "/week";
        return plan.phase() + " " + visits;
    }

    private static String bound(Integer bound) {
        return bound == null ? "?" : bound.toString();
    }
}
