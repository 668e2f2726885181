-- Issue 18, routing: how many open cases each agent takes (set by leads), and whether new
-- cases of a language are assigned automatically (set by leads, per language).

-- Ten until a lead says otherwise: a limit routing never exceeds (manual claims and a
-- lead's own assignments may; the count is what the lead sees in the team view).
ALTER TABLE agents ADD COLUMN capacity integer NOT NULL DEFAULT 10
  CHECK (capacity >= 0 AND capacity <= 1000);

-- Capacity joins the synced columns: a lead's replica shows it like the rest of the account.
DROP TRIGGER agents_changes ON agents;
CREATE TRIGGER agents_changes AFTER INSERT OR UPDATE OF name, email, roles, languages, refund_limit_minor, refund_limit_currency, active, capacity ON agents
  FOR EACH ROW EXECUTE FUNCTION record_agent_change();

-- One row per language a lead has switched; a language without a row is not routed.
CREATE TABLE routing_settings (
  language text PRIMARY KEY,
  auto_assign boolean NOT NULL,
  updated_by uuid REFERENCES agents (id),
  updated_at timestamptz NOT NULL
);

