package dk.visitationadvisor.assessment;

import dk.visitationadvisor.assessment.AssessmentResponse.VisitsPerWeek;
import dk.visitationadvisor.facts.VisitRange;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which range of visits is in force: an adjusted range replaces the base range; of several, the most
 * intensive wins (the highest lower bound and the highest upper bound), so that no adjustment steps
 * visits down while another keeps them up.
 */
final class VisitRanges {

    private VisitRanges() {
    }

    /** The ranges that decide the visits: the adjusted ones when there are any, else the base ranges. */
    static List<VisitRange> deciding(List<VisitRange> ranges) {
        List<VisitRange> adjusted = ranges.stream().filter(VisitRange::adjusted).toList();
        return adjusted.isEmpty() ? ranges : adjusted;
    }

    static VisitsPerWeek inForce(List<VisitRange> ranges) {
        List<VisitRange> inForce = deciding(ranges);
        if (inForce.isEmpty()) {
            return null;
        }
        Integer min = highest(inForce.stream().map(VisitRange::min).toList());
        Integer max = highest(inForce.stream().map(VisitRange::max).toList());
        return min == null && max == null ? null : new VisitsPerWeek(min, max);
    }

    private static Integer highest(List<Integer> bounds) {
        return bounds.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
