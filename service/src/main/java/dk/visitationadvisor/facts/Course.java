package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The programme a family is already in, with the phase the caseworker entered. Absent at visitation.
 * The course's start is its referral: entry criteria on age and stage are judged on the child's age
 * then, never on its age today.
 *
 * @param daysInPhase completed days since {@code phaseStartDate} on the assessment date; null when unknown
 * @param monthsInPhase completed calendar months since {@code phaseStartDate}; null when unknown
 * @param childBornAfterStart true when the youngest child was born after the course started (the
 *        family was expecting it at the start); null when the start or the birth date is unknown
 * @param childAgeInWeeksAtStart the child's age at the course's start in days divided by 7; null when
 *        unknown or when the child was born after the start
 * @param childAgeInMonthsAtStart completed calendar months of the child's age at the course's start;
 *        null as {@code childAgeInWeeksAtStart}
 */
public record Course(Programme programme, LocalDate startDate, Phase phase, LocalDate phaseStartDate,
        Boolean statusLetterSent, Boolean dischargePlan, Boolean networkAgreements, Boolean safetyPlan,
        Integer daysInPhase, Integer monthsInPhase, Boolean childBornAfterStart, Double childAgeInWeeksAtStart,
        Integer childAgeInMonthsAtStart) implements InputFact {

    public static Course of(Programme programme, LocalDate startDate, Phase phase, LocalDate phaseStartDate,
            Boolean statusLetterSent, Boolean dischargePlan, Boolean networkAgreements, Boolean safetyPlan,
            LocalDate childBirthDate, LocalDate assessmentDate) {
        Integer days = phaseStartDate == null ? null : (int) ChronoUnit.DAYS.between(phaseStartDate, assessmentDate);
        Integer months = phaseStartDate == null ? null
                : (int) Period.between(phaseStartDate, assessmentDate).toTotalMonths();
        Boolean bornAfterStart = startDate == null || childBirthDate == null ? null : childBirthDate.isAfter(startDate);
        boolean ageKnown = Boolean.FALSE.equals(bornAfterStart);
        Double weeksAtStart = ageKnown ? ChronoUnit.DAYS.between(childBirthDate, startDate) / 7.0 : null;
        Integer monthsAtStart = ageKnown ? (int) Period.between(childBirthDate, startDate).toTotalMonths() : null;
        return new Course(programme, startDate, phase, phaseStartDate, statusLetterSent, dischargePlan,
                networkAgreements, safetyPlan, days, months, bornAfterStart, weeksAtStart, monthsAtStart);
    }

    @Override
    public String path() {
        return "course";
    }
}
