-- With a webhook configured, an action that would execute is `requested` from the
-- marketplace until it reports `executed` or `failed` (with its reference or reason).
ALTER TABLE actions DROP CONSTRAINT actions_status_check;
ALTER TABLE actions ADD CONSTRAINT actions_status_check
  CHECK (status IN ('executed', 'pending_approval', 'rejected', 'withdrawn', 'requested', 'failed'));
ALTER TABLE actions
  ADD COLUMN external_ref text,
  ADD COLUMN failure_reason text,
  ADD COLUMN requested_at timestamptz,
  ADD COLUMN result_at timestamptz;
-- A second cancellation of an order looks for a requested one.
CREATE INDEX actions_requested_idx ON actions (order_id, type) WHERE status = 'requested';
