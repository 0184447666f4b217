package dk.visitationadvisor.assessment.whatif;

import dk.visitationadvisor.assessment.AssessmentOutcome;
import dk.visitationadvisor.assessment.AssessmentResponse.Change;
import dk.visitationadvisor.facts.Programme;
import dk.visitationadvisor.facts.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** What differs between the outcome given and a variant's: recommendation, statuses, visit plan, escalations. */
final class Differences {

    static final String RECOMMENDATION = "recommendedProgramme";
    static final String STATUS = "status.";
    static final String VISIT_PLAN = "visitPlan";
    static final String ESCALATIONS = "escalations";

    private Differences() {
    }

    static List<Change> between(AssessmentOutcome given, AssessmentOutcome variant, Texts texts) {
        List<Change> changes = new ArrayList<>();
        if (given.recommendedProgramme() != variant.recommendedProgramme()) {
            changes.add(new Change(RECOMMENDATION, name(given.recommendedProgramme()),
                    name(variant.recommendedProgramme()),
                    texts.get("whatif.change.recommendedProgramme", texts.programme(variant.recommendedProgramme()))));
        }
        for (Programme programme : Programme.values()) {
            Status was = given.statuses().get(programme);
            Status is = variant.statuses().get(programme);
            if (was != is) {
                changes.add(new Change(STATUS + programme.name(), name(was), name(is),
                        texts.get("whatif.change.status", texts.programme(programme), texts.status(is))));
            }
        }
        if (!given.samePlan(variant)) {
            changes.add(new Change(VISIT_PLAN, plan(given), plan(variant),
                    texts.get("whatif.change.visitPlan", texts.visits(variant))));
        }
        TreeSet<String> added = new TreeSet<>(variant.escalations());
        added.removeAll(given.escalations());
        TreeSet<String> removed = new TreeSet<>(given.escalations());
        removed.removeAll(variant.escalations());
        for (String escalation : added) {
            changes.add(new Change(ESCALATIONS, null, escalation,
                    texts.get("whatif.change.escalationAdded", texts.escalation(escalation))));
        }
        for (String escalation : removed) {
            changes.add(new Change(ESCALATIONS, escalation, null,
                    texts.get("whatif.change.escalationRemoved", texts.escalation(escalation))));
        }
        return changes;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String plan(AssessmentOutcome outcome) {
        if (outcome.phase() == null) {
            return null;
        }
        return outcome.phase().name() + (outcome.visitsPerWeek() == null ? ""
                : " " + Objects.toString(outcome.visitsPerWeek().min(), "?") + "-"
                        + Objects.toString(outcome.visitsPerWeek().max(), "?"));
    }
}
