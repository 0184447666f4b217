package dk.visitationadvisor.facts;

import java.time.LocalDate;

/**
 * The family as it was at referral, where the entry criteria on age and stage are judged: at
 * visitation on the assessment date, in a course on the course's start, never on the child's age
 * today. Always present, so that the age and stage criteria need one rule per outcome, not one for
 * visitation and one for a course.
 *
 * @param date the referral date: the assessment date at visitation, {@code course.startDate} in a
 *        course; null when a course's start is unknown, and then every other field is null too
 * @param expectingChild true when the family was expecting a child then (a pregnancy is entered, or,
 *        in a course, the child was born after the start); false when the youngest child was born by
 *        then; null when neither a pregnancy nor the child's birth date is known
 * @param childAgeInDays completed days of the youngest child's age on {@code date}; null when
 *        unknown or not yet born then
 * @param childAgeInWeeks {@code childAgeInDays} divided by 7, so "at most 8 weeks" is {@code <= 8}
 * @param childAgeInMonths completed calendar months of the child's age on {@code date}
 */
public record Referral(LocalDate date, Boolean expectingChild, Integer childAgeInDays, Double childAgeInWeeks,
        Integer childAgeInMonths) implements InputFact {

    /**
     * @param date the assessment date at visitation, the course's start in a course (null: unknown)
     * @param pregnancyEntered whether the request has a pregnancy
     * @param childBirthDate the youngest child's birth date; null when unknown or not born
     */
    public static Referral on(LocalDate date, boolean pregnancyEntered, LocalDate childBirthDate) {
        if (date == null) {
            return new Referral(null, null, null, null, null);
        }
        boolean bornByThen = childBirthDate != null && !childBirthDate.isAfter(date);
        boolean bornSince = childBirthDate != null && !bornByThen;
        Boolean expecting;
        if (pregnancyEntered || bornSince) {
            expecting = true;
        } else if (bornByThen) {
            expecting = false;
        } else {
            expecting = null;
        }
        if (!bornByThen) {
            return new Referral(date, expecting, null, null, null);
        }
        Child then = Child.bornOn(childBirthDate, null, date); // counted as the child's age today is
        return new Referral(date, expecting, then.ageInDays(), then.ageInWeeks(), then.ageInMonths());
    }

    @Override
    public String path() {
        return "referral";
    }
}
