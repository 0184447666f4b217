package dk.visitationadvisor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
}
