package dk.visitationadvisor.security;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a caller may do; deny by default, so a caller without a role can do nothing. A schema of its
 * own in the API document: generated clients mishandle a set of an inline enum.
 */
@Schema(enumAsRef = true)
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
