-- The case history: every assessment answered, with the exact rule set that answered it.
-- Written in SQL that H2 and PostgreSQL both run unchanged.

CREATE TABLE rule_set_version (
    version        VARCHAR(64)   PRIMARY KEY,
    origin         VARCHAR(1000) NOT NULL,
    files          TEXT          NOT NULL,   -- JSON object: file path -> file content
    first_used_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE assessment (
    id               VARCHAR(36)  PRIMARY KEY,
    case_ref         VARCHAR(64)  NOT NULL,
    assessment_date  DATE         NOT NULL,
    ruleset_version  VARCHAR(64)  NOT NULL REFERENCES rule_set_version (version),
    requested_by     VARCHAR(200) NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- What the next assessment of the case compares with (the trends the rules use).
    concern_level    VARCHAR(20),
    ors              INTEGER,
    ors_rater        VARCHAR(10),
    request_json     TEXT         NOT NULL,
    response_json    TEXT         NOT NULL   -- exactly the body that was answered
);

CREATE INDEX assessment_case_timeline ON assessment (case_ref, assessment_date DESC, requested_at DESC);
