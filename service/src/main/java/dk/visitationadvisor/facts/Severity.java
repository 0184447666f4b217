package dk.visitationadvisor.facts;

/** How urgently an escalation needs action. */
public enum Severity {
    INFO, WARNING, URGENT
}
