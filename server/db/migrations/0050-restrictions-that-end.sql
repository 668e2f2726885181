-- Restrictions that live and end (issue 17). A restriction takes effect when it executes
-- and ends at its `until` (the service's expiry worker), when a Trust & Safety reviewer
-- lifts it early (status `lifted`), or when a complaint about it is upheld in the
-- person's favour (a reversal, also `lifted`). The end is kept on the action, which
-- replicas sync, so every workspace shows "In effect" / "Ended" from the service's data.
ALTER TABLE actions DROP CONSTRAINT actions_status_check;
ALTER TABLE actions ADD CONSTRAINT actions_status_check
  CHECK (status IN ('executed', 'pending_approval', 'rejected', 'withdrawn', 'requested', 'failed', 'lifted'));

ALTER TABLE actions
  -- When the action took effect: executed at once, approved without the integration, or
  -- reported executed by the marketplace. A complaint's six months run from here.
  ADD COLUMN effective_at timestamptz,
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN end_reason text CHECK (end_reason IN ('expired', 'lifted', 'complaint_reversed')),
  -- Who ended it (null for an expiry, which the service does itself) and why, in words.
  ADD COLUMN ended_by uuid REFERENCES agents (id),
  ADD COLUMN end_note text,
  ADD CONSTRAINT actions_end_complete CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
  -- `lifted` is an early end; an expiry leaves the action `executed` with its end.
  ADD CONSTRAINT actions_lifted_has_end CHECK (
    (status = 'lifted') = (end_reason IS NOT NULL AND end_reason <> 'expired'));

-- Everything that already executed took effect when it was decided or reported.
UPDATE actions SET effective_at = COALESCE(result_at, decided_at, created_at)
 WHERE status = 'executed';

ALTER TABLE account_restrictions
  ADD COLUMN ended_at timestamptz,
  ADD COLUMN end_reason text CHECK (end_reason IN ('expired', 'lifted', 'complaint_reversed'));
-- The expiry worker's question: which restrictions in force are past their end?
CREATE INDEX account_restrictions_due_idx ON account_restrictions (until)
  WHERE ended_at IS NULL AND until IS NOT NULL;
CREATE INDEX account_restrictions_action_idx ON account_restrictions (action_id);
