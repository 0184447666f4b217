-- The token buckets of the rate limits and the login lockout (Bucket4j's table), shared by every
-- instance in the postgresql profile. The embedded H2 default keeps them in memory and leaves it empty.
-- A key names a caller or an account with a client address; no case data.
CREATE TABLE rate_limit_bucket (
    id          VARCHAR(400) PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
