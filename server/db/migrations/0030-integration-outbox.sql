-- Integration events for the marketplace: a transactional outbox. A row is written in the
-- same transaction as the change it reports, and delivery workers (one in every service
-- instance) claim due rows, commit the claim, POST them, and record the result after.
CREATE TABLE integration_events (
  -- Per case, seq order is commit order: every writer holds the case row's lock until it
  -- commits, so a later event of a case always has a higher seq.
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  type text NOT NULL,
  -- Null for events about no case (a test ping).
  case_id uuid REFERENCES cases (id),
  -- The exact body that is signed and sent, so every attempt sends the same bytes.
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A claim is a lease: a worker that dies mid-delivery loses it when it runs out, and
  -- only the holder of the current claim token may record the outcome.
  claim_token uuid,
  claimed_until timestamptz,
  last_attempt_at timestamptz,
  last_status integer,
  last_error text,
  delivered_at timestamptz
);
CREATE INDEX integration_events_due_idx ON integration_events (seq)
  WHERE status IN ('pending', 'failed');
CREATE INDEX integration_events_case_open_idx ON integration_events (case_id, seq)
  WHERE status IN ('pending', 'failed');
CREATE INDEX integration_events_created_idx ON integration_events (created_at);

-- Whether a webhook is configured decides how actions behave (executed at once, or
-- requested until the marketplace reports back). It lives here, written by the service
-- at start, so every write path and every instance reads the same answer in its own
-- transaction.
CREATE TABLE integration_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  webhook_enabled boolean NOT NULL
);
INSERT INTO integration_settings (webhook_enabled) VALUES (false);
