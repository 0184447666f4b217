package dk.visitationadvisor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ages and durations the rules compare with thresholds, across month ends and leap years. */
class AgeTest {

    @ParameterizedTest(name = "born {0}, assessed {1}: {2} days, {3} completed months")
    @CsvSource({
            "2025-11-22, 2026-11-21, 364, 11",
            "2025-11-22, 2026-11-22, 365, 12",
            "2026-01-31, 2026-02-28, 28, 0",
            "2026-01-31, 2026-03-01, 29, 1",
            "2024-02-29, 2024-03-28, 28, 0",
            "2024-02-29, 2024-03-29, 29, 1",
            "2023-12-31, 2024-02-29, 60, 1",
            "2026-09-27, 2026-11-22, 56, 1",
            "2026-09-26, 2026-11-22, 57, 1",
            "2026-11-22, 2026-11-22, 0, 0"})
    void countsCompletedDaysAndCalendarMonths(LocalDate born, LocalDate assessed, int days, int months) {
        Child child = Child.bornOn(born, null, assessed);
        assertThat(child.ageInDays()).isEqualTo(days);
        assertThat(child.ageInMonths()).isEqualTo(months);
        assertThat(child.ageInWeeks()).isEqualTo(days / 7.0);
    }

    @ParameterizedTest(name = "stay from {0}, assessed {1}: {2} completed months")
    @CsvSource({"2026-06-22, 2026-11-21, 4", "2026-06-22, 2026-11-22, 5", "2026-05-31, 2026-10-30, 4",
            "2026-05-31, 2026-10-31, 5"})
    void countsCompletedMonthsInAPhase(LocalDate phaseStart, LocalDate assessed, int months) {
        Course course = Course.of(Programme.FAMILY_PLACEMENT, phaseStart, Phase.RESIDENTIAL_STAY, phaseStart, null,
                null, null, null, assessed);
        assertThat(course.monthsInPhase()).isEqualTo(months);
    }

    @ParameterizedTest(name = "born {0}, referred {1}: {2} weeks, {3} months then, expecting then: {4}")
    @CsvSource({"2026-09-01, 2026-10-27, 8.0, 1, false", "2026-09-01, 2026-10-28, 8.142857142857142, 1, false",
            "2026-09-01, 2026-09-01, 0.0, 0, false", "2026-10-01, 2026-09-01, , , true"})
    void judgesTheChildsAgeAtReferralNotToday(LocalDate born, LocalDate referred, Double weeks, Integer months,
            boolean expecting) {
        Referral referral = Referral.on(referred, false, born);
        assertThat(referral.childAgeInWeeks()).isEqualTo(weeks);
        assertThat(referral.childAgeInMonths()).isEqualTo(months);
        assertThat(referral.expectingChild()).isEqualTo(expecting);
    }

    @Test
    void aPregnancyIsExpectingAChildAndNeitherIsUnknown() {
        LocalDate referred = LocalDate.of(2026, 9, 1);
        assertThat(Referral.on(referred, true, LocalDate.of(2025, 12, 1)))
                .isEqualTo(new Referral(referred, true, 274, 274 / 7.0, 9));
        assertThat(Referral.on(referred, false, null)).isEqualTo(new Referral(referred, null, null, null, null));
    }

    @Test
    void leavesEverythingUnknownWithoutAReferralDate() {
        assertThat(Referral.on(null, true, LocalDate.of(2026, 9, 1)))
                .isEqualTo(new Referral(null, null, null, null, null));
    }
}
