-- A device may hold an unsent outbox for weeks; if its mutation ids were swept after 48
-- hours, a claim or status change re-sent after that would run a second time (issue 10,
-- defect 13). Each key now says how long it is kept: sync mutation ids 30 days (the
-- default, so an instance still on older code keeps what it writes), REST keys 48 hours.
ALTER TABLE idempotency_keys ADD COLUMN kept_until timestamptz;
UPDATE idempotency_keys SET kept_until = created_at + interval '30 days';
ALTER TABLE idempotency_keys ALTER COLUMN kept_until SET DEFAULT now() + interval '30 days';
ALTER TABLE idempotency_keys ALTER COLUMN kept_until SET NOT NULL;
CREATE INDEX idempotency_keys_kept_until_idx ON idempotency_keys (kept_until);
