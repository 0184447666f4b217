package dk.visitationadvisor.facts;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/**
 * The family's youngest child, with its age on the assessment date. The ages are null when the
 * birth date is unknown. Absent before birth.
 *
 * @param ageInDays completed days since birth
 * @param ageInWeeks days since birth divided by 7, so "older than 8 weeks" is {@code ageInWeeks > 8}
 * @param ageInMonths completed months since birth, counted on the calendar
 */
public record Child(LocalDate birthDate, Boolean growthOnTrack, Integer ageInDays, Double ageInWeeks,
        Integer ageInMonths) implements InputFact {

    public static Child bornOn(LocalDate birthDate, Boolean growthOnTrack, LocalDate assessmentDate) {
        if (birthDate == null) {
            return new Child(null, growthOnTrack, null, null, null);
        }
        int days = (int) ChronoUnit.DAYS.between(birthDate, assessmentDate);
        int months = (int) Period.between(birthDate, assessmentDate).toTotalMonths();
        return new Child(birthDate, growthOnTrack, days, days / 7.0, months);
    }

    @Override
    public String path() {
        return "child";
    }
}
