package dk.visitationadvisor.cli;

import java.io.PrintStream;
import tools.jackson.databind.JsonNode;

/** The service's answers to the command line, printed for the author, with the command's exit code. */
final class RemoteReports {

    private RemoteReports() {
    }

    /** The counts per kind of change, then the changed assessments listed. 1 when any answer changes. */
    static int impact(JsonNode report, PrintStream out) {
        out.printf("Impact of rule set %s against the live rule set %s%n", report.path("candidateVersion").asString(),
                report.path("liveVersion").asString());
        out.printf("%d stored assessments replayed, %d would be answered differently (%d ms)%n",
                report.path("assessmentsReplayed").asInt(), report.path("assessmentsChanged").asInt(),
                report.path("durationMillis").asLong());
        printList(out, "changed parameters", report.path("changedParameters"));
        printList(out, "changed rules", report.path("changedRules"));
        for (JsonNode count : report.path("changes")) {
            out.printf("  %6d  %s%n", count.path("assessments").asLong(), change(count));
        }
        JsonNode listed = report.path("assessments");
        if (!listed.isEmpty()) {
            out.println(report.path("complete").asBoolean() ? "Changed assessments:"
                    : "The first " + listed.size() + " changed assessments:");
        }
        for (JsonNode assessment : listed) {
            out.printf("  %s  %s%n", assessment.path("assessmentDate").asString(),
                    assessment.path("assessmentId").asString());
            for (JsonNode change : assessment.path("changes")) {
                out.printf("      %s  (rules: %s)%n", change(change), join(change.path("rules")));
            }
        }
        for (JsonNode skipped : report.path("notReplayed")) {
            out.printf("  not replayed: %s (%s)%n", skipped.path("assessmentId").asString(),
                    skipped.path("reason").asString());
        }
        return report.path("assessmentsChanged").asInt() == 0 ? AuthoringCli.OK : AuthoringCli.FAILED;
    }

    static int activated(JsonNode activation, PrintStream out) {
        out.printf("Rule set %s is live (log entry %d), replacing %s%n", activation.path("version").asString(),
                activation.path("number").asLong(), activation.path("previousVersion").asString());
        return AuthoringCli.OK;
    }

    /** A refusal: every error with file and line, every failing scenario with what differs. */
    static int problem(AuthoringService.Answer answer, PrintStream out) {
        JsonNode problem = answer.body();
        out.printf("Refused (HTTP %d): %s%n", answer.status(), problem.path("detail").asString(
                problem.path("title").asString("")));
        for (JsonNode error : problem.path("errors")) {
            String file = error.path("file").asString(error.path("field").asString(""));
            int line = error.path("line").asInt();
            out.printf("  %s%s: %s%n", file, line > 0 ? ":" + line : "", error.path("message").asString());
        }
        for (JsonNode scenario : problem.path("failedScenarios")) {
            out.println("FAIL " + scenario.path("file").asString());
            out.println("     " + scenario.path("name").asString());
            scenario.path("differences").forEach(difference -> out.println("     - " + difference.asString()));
        }
        return answer.status() == 422 && !problem.path("failedScenarios").isEmpty() ? AuthoringCli.FAILED
                : AuthoringCli.UNUSABLE;
    }

    /** E.g. "STATUS INTENSIVE_INFANT: ELIGIBLE -> NOT_ELIGIBLE". */
    private static String change(JsonNode change) {
        String subject = change.path("subject").isNull() || change.path("subject").isMissingNode() ? ""
                : " " + change.path("subject").asString();
        return change.path("kind").asString() + subject + ": " + value(change.path("before")) + " -> "
                + value(change.path("after"));
    }

    private static String value(JsonNode value) {
        return value.isNull() || value.isMissingNode() ? "(none)" : value.asString();
    }

    private static void printList(PrintStream out, String label, JsonNode values) {
        if (!values.isEmpty()) {
            out.println(label + ": " + join(values));
        }
    }

    private static String join(JsonNode values) {
        StringBuilder joined = new StringBuilder();
        values.forEach(value -> joined.append(joined.isEmpty() ? "" : ", ").append(value.asString()));
        return joined.toString();
    }
}
