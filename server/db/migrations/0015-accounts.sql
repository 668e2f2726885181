-- Accounts a team can run: active or not, last seen, invitations, and an audit trail of
-- every change to an account.

ALTER TABLE agents ADD COLUMN active boolean NOT NULL DEFAULT true;
-- Touched at most every five minutes by requests; deliberately not a sync change (below).
ALTER TABLE agents ADD COLUMN last_seen_at timestamptz;
-- An invited agent has no password until they accept the invitation.
ALTER TABLE agents ALTER COLUMN password_hash DROP NOT NULL;

-- Invitations (also a password reset is one): single use, stored only as a SHA-256 of the token.
CREATE TABLE invitations (
  token_hash text PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents (id),
  created_by uuid REFERENCES agents (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX invitations_agent_idx ON invitations (agent_id);

-- The audit trail of accounts: who changed whom, from what, to what. Append-only, held by
-- the same trigger as case events.
CREATE TABLE account_events (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  agent_id uuid NOT NULL REFERENCES agents (id),
  -- Null when the change came from the command line (npm run admin).
  actor_id uuid REFERENCES agents (id),
  type text NOT NULL,
  at timestamptz NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX account_events_agent_idx ON account_events (agent_id, seq);
CREATE TRIGGER account_events_immutable BEFORE UPDATE OR DELETE ON account_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER account_events_no_truncate BEFORE TRUNCATE ON account_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- A change of an agent's roles or languages changes which cases they may see: the pull
-- compares what they saw before (kept here) with what they see now, and sends deletes
-- for what they lost and whole cases for what they gained.
ALTER TABLE changes ADD COLUMN prev_roles text[];
ALTER TABLE changes ADD COLUMN prev_languages text[];

CREATE OR REPLACE FUNCTION record_agent_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rescoped boolean := TG_OP = 'UPDATE'
    AND (OLD.roles, OLD.languages) IS DISTINCT FROM (NEW.roles, NEW.languages);
BEGIN
  INSERT INTO changes (entity, entity_id, scope_changed, prev_roles, prev_languages)
  VALUES ('agent', NEW.id, rescoped,
          CASE WHEN rescoped THEN OLD.roles END, CASE WHEN rescoped THEN OLD.languages END);
  PERFORM pg_notify('casedesk_changes', '{}');
  RETURN NULL;
END;
$$;
-- `active` joins the synced columns; `last_seen_at` and `password_hash` stay out of it.
DROP TRIGGER agents_changes ON agents;
CREATE TRIGGER agents_changes AFTER INSERT OR UPDATE OF name, email, roles, languages, refund_limit_minor, refund_limit_currency, active ON agents
  FOR EACH ROW EXECUTE FUNCTION record_agent_change();
