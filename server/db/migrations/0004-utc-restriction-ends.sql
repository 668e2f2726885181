-- Restriction proposals kept their `until` exactly as sent, offsets included, and clients
-- that read times strictly (UTC with Z, as the contract answers) refused every sync batch
-- holding one (issue 10, defect 1). The service now normalises times at the border; this
-- rewrites the ones already stored that PostgreSQL can read into the same UTC form. Ends
-- it cannot read (year 0000, offset +20:00) stay as they are: such proposals cannot be
-- approved, only rejected or withdrawn.
DO $$
DECLARE
  r record;
  t timestamptz;
BEGIN
  FOR r IN
    SELECT id, details->>'until' AS until FROM actions
     WHERE type = 'restrict_account'
       AND details->>'until' IS NOT NULL
       AND details->>'until' !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$'
  LOOP
    BEGIN
      t := r.until::timestamptz;
    EXCEPTION WHEN others THEN
      CONTINUE;
    END;
    IF t >= '0001-01-01T00:00:00Z' AND t < '10000-01-01T00:00:00Z' THEN
      UPDATE actions
         SET details = jsonb_set(details, '{until}',
               to_jsonb(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
       WHERE id = r.id;
    END IF;
  END LOOP;
END $$;
