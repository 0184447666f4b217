package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The programme a family is already in, with the phase the caseworker entered. Absent at visitation.
 * The course's start is its referral: {@link Referral} holds the family as it was then.
 *
 * @param daysInPhase completed days since {@code phaseStartDate} on the assessment date; null when unknown
 * @param monthsInPhase completed calendar months since {@code phaseStartDate}; null when unknown
 */
public record Course(Programme programme, LocalDate startDate, Phase phase, LocalDate phaseStartDate,
        Boolean statusLetterSent, Boolean dischargePlan, Boolean networkAgreements, Boolean safetyPlan,
        Integer daysInPhase, Integer monthsInPhase) implements InputFact {

    public static Course of(Programme programme, LocalDate startDate, Phase phase, LocalDate phaseStartDate,
            Boolean statusLetterSent, Boolean dischargePlan, Boolean networkAgreements, Boolean safetyPlan,
            LocalDate assessmentDate) {
        Integer days = phaseStartDate == null ? null : (int) ChronoUnit.DAYS.between(phaseStartDate, assessmentDate);
        Integer months = phaseStartDate == null ? null
                : (int) Period.between(phaseStartDate, assessmentDate).toTotalMonths();
        return new Course(programme, startDate, phase, phaseStartDate, statusLetterSent, dischargePlan,
                networkAgreements, safetyPlan, days, months);
    }

    @Override
    public String path() {
        return "course";
    }
}
