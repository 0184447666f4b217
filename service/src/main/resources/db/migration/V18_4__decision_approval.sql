-- An override is approved by an approver, signed in as themselves, after it is recorded: when.
-- approved_by is null until then (it was required with the decision before).
ALTER TABLE decision ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
