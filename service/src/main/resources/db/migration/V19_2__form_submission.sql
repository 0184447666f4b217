-- The caseworker's form, sent once: each form shown carries a one-time token; a second send of the same
-- form (a double click, a reload, the back button) finds the assessment the first one made instead of
-- making another. Erased with the case (the assessment it names).
CREATE TABLE form_submission (
    token          VARCHAR(36)  PRIMARY KEY,
    submitted_by   VARCHAR(200) NOT NULL,
    assessment_id  VARCHAR(36)  REFERENCES assessment (id) ON DELETE CASCADE
);
