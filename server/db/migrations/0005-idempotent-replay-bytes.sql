-- A replayed answer must be the first answer byte for byte (issue 10, defect 10): jsonb
-- reorders keys and drops whitespace, so the exact text sent is kept beside it. Rows from
-- before keep only `body` and are replayed from it.
ALTER TABLE idempotency_keys ADD COLUMN response text;
