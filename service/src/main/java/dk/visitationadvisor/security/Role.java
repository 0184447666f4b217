package dk.visitationadvisor.security;

/** What a caller may do; deny by default, so a caller without a role can do nothing. */
public enum Role {
    /** Assess families and read and decide on cases. */
    CASEWORKER,
    /** Validate, test, preview and activate rule sets. */
    RULE_AUTHOR,
    /** Accounts, erasure and the access audit. */
    ADMIN,
    /** Another system: assess only. */
    SYSTEM,
    /** A team leader: approves caseworkers' overrides of the recommendation. */
    APPROVER
}
