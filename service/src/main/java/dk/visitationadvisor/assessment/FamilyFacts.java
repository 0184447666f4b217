package dk.visitationadvisor.assessment;

import dk.visitationadvisor.facts.AssessmentDay;
import dk.visitationadvisor.facts.Child;
import dk.visitationadvisor.facts.Concern;
import dk.visitationadvisor.facts.Course;
import dk.visitationadvisor.facts.Household;
import dk.visitationadvisor.facts.Measurements;
import dk.visitationadvisor.facts.Parent;
import dk.visitationadvisor.facts.Pregnancy;
import dk.visitationadvisor.facts.PreviousAssessment;
import dk.visitationadvisor.facts.Referral;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a request into the facts the rules match on. Absent sections become facts with unknown
 * fields, so that rules see "unknown" explicitly; only pregnancy, child and course may be absent,
 * because their absence has a meaning (not pregnant, not born, at visitation), and the previous
 * assessment, absent for a case's first. The referral is always there: the family as it was when
 * the age and stage criteria are judged.
 */
final class FamilyFacts {

    private FamilyFacts() {
    }

    static List<Object> of(AssessmentRequest request, LocalDate assessmentDate, Optional<PreviousAssessment> previous) {
        List<Object> facts = new ArrayList<>();
        facts.add(new AssessmentDay(assessmentDate));
        previous.ifPresent(facts::add);
        if (request.pregnancy() != null) {
            facts.add(new Pregnancy(request.pregnancy().gestationalWeek()));
        }
        if (request.child() != null) {
            facts.add(Child.bornOn(request.child().birthDate(), request.child().growthOnTrack(), assessmentDate));
        }
        List<AssessmentRequest.ParentInput> parents = Objects.requireNonNullElse(request.parents(), List.of());
        for (int number = 0; number < parents.size(); number++) {
            AssessmentRequest.ParentInput parent = parents.get(number);
            facts.add(new Parent(number, parent.role(),
                    parent.riskFactors() == null ? null : List.copyOf(parent.riskFactors()), parent.substanceUse(),
                    parent.wantsSubstanceTreatment(), parent.retentionAgreement(), parent.mentalIllness(),
                    parent.cognitiveFunction(), parent.participates()));
        }
        AssessmentRequest.ConcernInput concern = Objects.requireNonNullElse(request.concern(),
                new AssessmentRequest.ConcernInput(null, null, null, null));
        facts.add(new Concern(concern.level(), concern.childSafetyConcern(), concern.doubtAboutParentingCapacity(),
                concern.placementNecessary()));
        facts.add(new Household(request.consent(), request.housing(), request.network(), request.olderSiblings()));
        AssessmentRequest.CourseInput course = request.course();
        if (course != null) {
            facts.add(Course.of(course.programme(), course.startDate(), course.phase(), course.phaseStartDate(),
                    course.statusLetterSent(), course.dischargePlan(), course.networkAgreements(), course.safetyPlan(),
                    assessmentDate));
        }
        facts.add(Referral.on(course == null ? assessmentDate : course.startDate(), request.pregnancy() != null,
                request.child() == null ? null : request.child().birthDate()));
        AssessmentRequest.MeasurementsInput m = Objects.requireNonNullElse(request.measurements(),
                new AssessmentRequest.MeasurementsInput(null, null, null, null, null, null, null, null, null, null, null));
        facts.add(new Measurements(m.epds(), m.epdsSelfHarm(), m.epdsRespondent(), m.adbb(), m.ors(), m.orsRater(),
                m.srs(), m.careIndexSensitivity(), m.asqse2(), m.asqse2IntervalMonths(), m.missedContacts()));
        return facts;
    }
}
