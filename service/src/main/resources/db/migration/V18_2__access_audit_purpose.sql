-- The access audit records why case data was read (the endpoint's purpose), from which client, and,
-- for one act that read many cases (an impact preview), how many and what identified it.
ALTER TABLE access_audit ADD COLUMN purpose VARCHAR(40);
ALTER TABLE access_audit ADD COLUMN client VARCHAR(64);
ALTER TABLE access_audit ADD COLUMN cases_read INTEGER;
ALTER TABLE access_audit ADD COLUMN detail VARCHAR(200);
