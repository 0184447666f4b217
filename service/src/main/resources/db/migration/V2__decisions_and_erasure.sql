-- The caseworker's decision on an assessment, what overrides went against, and the erasure log.

CREATE TABLE decision (
    assessment_id      VARCHAR(36)  PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    outcome            VARCHAR(20)  NOT NULL,   -- FOLLOWED or OVERRIDDEN
    decided_programme  VARCHAR(30)  NOT NULL,   -- a programme, or NONE
    reason             TEXT         NOT NULL,
    decided_by         VARCHAR(200) NOT NULL,
    approved_by        VARCHAR(200),            -- required for an override
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    went_against       TEXT         NOT NULL    -- the codes an override went against, comma-separated
);

-- How often caseworkers overrode each rule code: statistics for domain experts, no personal data,
-- so the counts outlive the erasure of the cases they came from.
CREATE TABLE override_count (
    code       VARCHAR(64) PRIMARY KEY,
    overrides  BIGINT      NOT NULL
);

-- Every erasure of a case, by request or by the retention period. No case reference, no personal data.
CREATE TABLE erasure_log (
    id                  VARCHAR(36) PRIMARY KEY,
    erased_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    cause               VARCHAR(20) NOT NULL,     -- REQUEST or RETENTION
    assessments_erased  INTEGER     NOT NULL
);
