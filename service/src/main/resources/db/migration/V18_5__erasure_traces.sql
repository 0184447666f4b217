-- When what an erasure left in the database's files (deleted rows' bytes) was removed: the H2 file
-- rewritten, or PostgreSQL's tables vacuumed. Null until then; erasures before this column are taken
-- as pending, so the next removal covers them.
ALTER TABLE erasure_log ADD COLUMN traces_removed_at TIMESTAMP WITH TIME ZONE;
