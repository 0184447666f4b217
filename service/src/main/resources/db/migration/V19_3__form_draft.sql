-- What a caseworker has typed in the form for a case, kept while typing, so that nothing is lost when
-- the session ends. One draft per case and person; deleted when the family is assessed, erased with
-- the case, and every read of it is access-audited.
CREATE TABLE form_draft (
    case_ref    VARCHAR(64)  NOT NULL,
    username    VARCHAR(200) NOT NULL,
    fields_json TEXT         NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_ref, username)
);
