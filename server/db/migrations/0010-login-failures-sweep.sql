-- Failed logins older than the limit's window count for nothing and are swept by time;
-- this index lets the sweep find them without reading the whole table.
CREATE INDEX IF NOT EXISTS login_failures_at_idx ON login_failures (at);
