package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.casehistory.Timeline;
import dk.visitationadvisor.casehistory.TimelineEntry;
import dk.visitationadvisor.facts.ConcernLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A case's timeline as the page shows it: the assessments newest first, each with the programmes
 * whose status changed since the one before, and small charts, oldest first, of the concern level
 * and of each instrument that was scored.
 */
record TimelineView(Timeline timeline, List<Row> rows, List<Chart> charts) {

    /** One assessment, and the programmes whose status differs from the assessment before it. */
    record Row(TimelineEntry entry, Set<String> changed) {

        public boolean changed(String programme) {
            return changed.contains(programme);
        }
    }

    /**
     * A line chart drawn as inline SVG: the coordinates are worked out here, the template only draws.
     *
     * @param key what is charted: {@code concern}, or a score's request field ({@code epds}, …)
     * @param line the polyline's points, "x,y x,y …"
     */
    record Chart(String key, int width, int height, List<Tick> yTicks, List<Tick> xTicks, String line,
            List<Dot> dots, double left, double right, double bottom) {
    }

    /** A labelled position on an axis; {@code anchor} is how its text lines up with it (SVG text-anchor). */
    record Tick(double at, String label, String anchor) {

        Tick(double at, String label) {
            this(at, label, "end");
        }
    }

    /** A point of the line, with what it says in words (shown as its title). */
    record Dot(double x, double y, String label) {
    }

    /** The scores worth a chart: not the ASQ:SE-2 questionnaire's interval, which is no score. */
    private static final List<String> SCORES = List.of("epds", "epdsSelfHarm", "adbb", "ors", "srs",
            "careIndexSensitivity", "asqse2", "missedContacts");

    /** The concern chart is wide, with room for the levels' names; a score's chart is half as wide. */
    private static final int CONCERN_WIDTH = 760;
    private static final int SCORE_WIDTH = 380;
    private static final double TOP = 12;
    private static final double MARGIN_BELOW = 34;

    /**
     * @param concernLabel a concern level in words
     * @param date a date in words
     */
    static TimelineView of(Timeline timeline, Function<String, String> concernLabel, Function<LocalDate, String> date) {
        List<TimelineEntry> newestFirst = timeline.assessments();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            TimelineEntry entry = newestFirst.get(i);
            Map<String, String> before = i + 1 < newestFirst.size() ? statuses(newestFirst.get(i + 1)) : Map.of();
            rows.add(new Row(entry, statuses(entry).entrySet().stream()
                    .filter(status -> before.containsKey(status.getKey())
                            && !before.get(status.getKey()).equals(status.getValue()))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet())));
        }
        List<TimelineEntry> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        List<Chart> charts = new ArrayList<>();
        List<Tick> levels = new ArrayList<>();
        for (ConcernLevel level : ConcernLevel.values()) {
            levels.add(new Tick(level.ordinal(), concernLabel.apply(level.name())));
        }
        chart("concern", CONCERN_WIDTH, 110, 160, oldestFirst, e -> e.concernLevel() == null ? null
                : ConcernLevel.valueOf(e.concernLevel()).ordinal(), ConcernLevel.values().length - 1, levels,
                value -> concernLabel.apply(ConcernLevel.values()[value].name()), date).ifPresent(charts::add);
        for (String score : SCORES) {
            long max = Objects.requireNonNullElse(RequestFields.leaf("measurements." + score).max(), 100L);
            chart(score, SCORE_WIDTH, 36, 130, oldestFirst, e -> e.measurements() == null ? null : e.measurements().get(score),
                    (int) max, List.of(new Tick(0, "0"), new Tick(max, String.valueOf(max))), String::valueOf, date)
                    .ifPresent(charts::add);
        }
        return new TimelineView(timeline, rows, charts);
    }

    private static Optional<Chart> chart(String key, int width, double left, int height,
            List<TimelineEntry> oldestFirst,
            Function<TimelineEntry, Integer> valueOf, int max, List<Tick> valueTicks, Function<Integer, String> words,
            Function<LocalDate, String> date) {
        List<TimelineEntry> measured = oldestFirst.stream().filter(e -> valueOf.apply(e) != null).toList();
        if (measured.isEmpty()) {
            return Optional.empty();
        }
        double bottom = height - MARGIN_BELOW;
        double right = width - 16;
        long first = oldestFirst.get(0).assessmentDate().toEpochDay();
        long span = oldestFirst.get(oldestFirst.size() - 1).assessmentDate().toEpochDay() - first;
        List<Dot> dots = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        for (TimelineEntry entry : measured) {
            double share = span == 0 ? (measured.size() == 1 ? 0.5 : (double) dots.size() / (measured.size() - 1))
                    : (double) (entry.assessmentDate().toEpochDay() - first) / span;
            double x = round(left + share * (right - left));
            int value = valueOf.apply(entry);
            dots.add(new Dot(x, y(value, max, bottom), date.apply(entry.assessmentDate()) + ": " + words.apply(value)));
            boolean labelled = measured.size() <= 4 || entry == measured.get(0)
                    || entry == measured.get(measured.size() - 1);
            if (labelled) {
                xTicks.add(new Tick(x, date.apply(entry.assessmentDate()),
                        x <= left + 40 ? "start" : x >= right - 40 ? "end" : "middle"));
            }
        }
        List<Tick> yTicks = valueTicks.stream().map(t -> new Tick(y(t.at(), max, bottom), t.label())).toList();
        String line = dots.stream().map(d -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
        return Optional.of(new Chart(key, width, height, yTicks, xTicks, line, dots, left, right, bottom));
    }

    private static double y(double value, int max, double bottom) {
        return round(bottom - (max == 0 ? 0 : value / max) * (bottom - TOP));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Map<String, String> statuses(TimelineEntry entry) {
        return entry.programmes().stream()
                .collect(Collectors.toMap(TimelineEntry.ProgrammeStatus::programme,
                        TimelineEntry.ProgrammeStatus::status, (a, b) -> a));
    }
}
