-- Idempotency keys of POST /api/v1/assessments: a retried request with the same key and the same body
-- gets the assessment stored the first time, not a second one. Case data: each row goes with its
-- assessment (ON DELETE CASCADE), so an erasure of the case erases it too.

CREATE TABLE idempotency_key (
    requested_by   VARCHAR(200) NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    request_hash   VARCHAR(64)  NOT NULL,   -- SHA-256 of the request as read, hex
    assessment_id  VARCHAR(36)  NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    PRIMARY KEY (requested_by, idem_key)
);

CREATE INDEX idempotency_key_assessment ON idempotency_key (assessment_id);
