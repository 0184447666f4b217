package dk.visitationadvisor.security;

/**
 * Why case data was read, as the access audit records it: named by the endpoint that read it
 * ({@link Audited}), never by the caller. A feature that reads case data for a new reason adds its
 * purpose here.
 */
public enum Purpose {
    /** A family assessed and stored; its case's previous assessment read to compare with. */
    ASSESSMENT,
    /** A family assessed without storing it, against its case's previous assessment. */
    PREVIEW,
    /** Many families assessed and stored at once; each one's case history read. */
    BATCH_ASSESSMENT,
    /** An answer on record read, through the API or on the caseworker's page. */
    READ_ASSESSMENT,
    /** An earlier assessment's input read to fill in the form for a new assessment of the family. */
    REASSESSMENT_FORM,
    /** A caseworker's draft of the form for a case: kept while typing, or read to go on with it. */
    DRAFT,
    /** A case's timeline: all its assessments. */
    TIMELINE,
    /** The caseworker's decision on an assessment recorded. */
    DECISION,
    /** A decision on an assessment read. */
    READ_DECISION,
    /** An override of the recommendation approved. */
    APPROVAL,
    /** A case erased. */
    ERASURE,
    /** Stored assessments replayed against a candidate rule set, to see what it would change. */
    IMPACT_PREVIEW,
    /** Recorded decisions and the answers they decided on read, for the domain experts' override review. */
    OVERRIDE_REVIEW,
    /** The access audit read. */
    AUDIT_REVIEW
}
