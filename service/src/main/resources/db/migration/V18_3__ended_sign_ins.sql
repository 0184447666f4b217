-- When an account was last deleted or disabled: every page session that began before then has ended,
-- on every instance. Names of staff accounts only; no case data.
CREATE TABLE ended_sign_ins (
    username   VARCHAR(100) PRIMARY KEY,
    ended_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
