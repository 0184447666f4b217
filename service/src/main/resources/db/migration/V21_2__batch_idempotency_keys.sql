-- Idempotency keys of POST /api/v1/assessments:batch: one row per family the batch stored, so that a
-- retried batch (same key, same body) answers each family stored before with its stored assessment and
-- assesses only those that were not. A batch spans many cases, so a batch key belongs to no one case:
-- each row belongs to its family's case and goes with its assessment (ON DELETE CASCADE), so that
-- erasing a case erases its families' rows and nothing of the batch's other cases. Case data, as
-- idempotency_key.

CREATE TABLE idempotency_batch_item (
    requested_by   VARCHAR(200) NOT NULL,
    idem_key       VARCHAR(255) NOT NULL,
    item_index     INTEGER      NOT NULL,   -- the family's index in the batch
    request_hash   VARCHAR(64)  NOT NULL,   -- SHA-256 of the whole batch as read, hex
    assessment_id  VARCHAR(36)  NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    PRIMARY KEY (requested_by, idem_key, item_index)
);

CREATE INDEX idempotency_batch_item_assessment ON idempotency_batch_item (assessment_id);
