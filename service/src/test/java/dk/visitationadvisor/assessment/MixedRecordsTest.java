package dk.visitationadvisor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class MixedRecordsTest {

    public record Range(int min, int max) {
        public Range {
            if (min > max) {
                throw new IllegalArgumentException("min above max");
            }
        }
    }

    @Test
    void takesTheNamedFieldsFromTheOtherAndTheRestFromTheBase() {
        Range base = new Range(1, 2);
        Range other = new Range(0, 6);

        assertThat(MixedRecords.mix(base, other, Set.of("max")::contains)).isEqualTo(new Range(1, 6));
        assertThat(MixedRecords.mix(base, other, Set.of("min")::contains)).isEqualTo(new Range(0, 2));
        assertThat(MixedRecords.mix(base, other, field -> false)).isEqualTo(base);
    }

    @Test
    void aMixTheRecordRefusesFailsWithTheRecordsOwnException() {
        Range base = new Range(1, 2);
        Range other = new Range(5, 6);

        assertThatThrownBy(() -> MixedRecords.mix(base, other, Set.of("min")::contains))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("min above max");
    }
}
