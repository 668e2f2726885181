-- The change log behind GET /sync/pull. Triggers write it, so no write path can forget to.
--
-- Ordering: a sequence alone is not a safe cursor, because transactions commit out of
-- order (seq 11 may be visible before seq 10 commits). Each row therefore carries the id
-- of the transaction that wrote it, and a pull only hands out rows of transactions older
-- than the oldest one still running (pg_snapshot_xmin): those can no longer change. The
-- cursor is (txid, seq) of the last row handed out.
CREATE TABLE changes (
  seq bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  case_id uuid,
  -- Set when the change moved the case between people: whoever could see it under the
  -- previous assignee but not now must be told to delete it, and vice versa.
  scope_changed boolean NOT NULL DEFAULT false,
  prev_assignee_id uuid
);
CREATE INDEX changes_txid_seq_idx ON changes (txid, seq);

CREATE FUNCTION notify_change(lang text, assignee uuid, prev uuid) RETURNS void LANGUAGE sql AS $$
  -- Identical payloads in one transaction are folded into one notification by PostgreSQL.
  SELECT pg_notify('casedesk_changes', json_build_object('l', lang, 'a', assignee, 'p', prev)::text);
$$;

CREATE FUNCTION record_case_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved boolean := TG_OP = 'UPDATE' AND OLD.assignee_id IS DISTINCT FROM NEW.assignee_id;
BEGIN
  INSERT INTO changes (entity, entity_id, case_id, scope_changed, prev_assignee_id)
  VALUES ('case', NEW.id, NEW.id, moved, CASE WHEN moved THEN OLD.assignee_id END);
  PERFORM notify_change(NEW.language, NEW.assignee_id, CASE WHEN moved THEN OLD.assignee_id END);
  RETURN NULL;
END;
$$;
CREATE TRIGGER cases_changes AFTER INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION record_case_change();

-- Parts of a case: messages, notes, actions, external disputes, events.
CREATE FUNCTION record_part_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  c record;
BEGIN
  INSERT INTO changes (entity, entity_id, case_id) VALUES (TG_ARGV[0], NEW.id, NEW.case_id);
  SELECT language, assignee_id INTO c FROM cases WHERE id = NEW.case_id;
  PERFORM notify_change(c.language, c.assignee_id, NULL);
  RETURN NULL;
END;
$$;
CREATE TRIGGER messages_changes AFTER INSERT OR UPDATE ON messages
  FOR EACH ROW EXECUTE FUNCTION record_part_change('message');
CREATE TRIGGER notes_changes AFTER INSERT OR UPDATE ON notes
  FOR EACH ROW EXECUTE FUNCTION record_part_change('note');
CREATE TRIGGER actions_changes AFTER INSERT OR UPDATE ON actions
  FOR EACH ROW EXECUTE FUNCTION record_part_change('action');
CREATE TRIGGER external_disputes_changes AFTER INSERT OR UPDATE ON external_disputes
  FOR EACH ROW EXECUTE FUNCTION record_part_change('external_dispute');
CREATE TRIGGER events_changes AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION record_part_change('event');

-- Orders, buyers and sellers are shown inside cases: a change to them is a change to
-- every case that shows them (refundable amounts, shipping, names).
CREATE FUNCTION record_context_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO changes (entity, entity_id, case_id)
  SELECT 'case', c.id, c.id FROM cases c
   WHERE (TG_TABLE_NAME = 'orders' AND c.order_id = NEW.id)
      OR (TG_TABLE_NAME = 'buyers' AND c.buyer_id = NEW.id)
      OR (TG_TABLE_NAME = 'sellers' AND c.order_id IN (SELECT id FROM orders WHERE seller_id = NEW.id));
  PERFORM pg_notify('casedesk_changes', '{}');
  RETURN NULL;
END;
$$;
CREATE TRIGGER orders_changes AFTER UPDATE ON orders
  FOR EACH ROW
  WHEN ((OLD.refunded_minor, OLD.reserved_minor, OLD.status, OLD.shipping_status, OLD.shipped_at,
         OLD.delivered_at, OLD.tracking_number, OLD.payout_status)
        IS DISTINCT FROM
        (NEW.refunded_minor, NEW.reserved_minor, NEW.status, NEW.shipping_status, NEW.shipped_at,
         NEW.delivered_at, NEW.tracking_number, NEW.payout_status))
  EXECUTE FUNCTION record_context_change();
CREATE TRIGGER buyers_changes AFTER UPDATE ON buyers
  FOR EACH ROW
  WHEN ((OLD.name, OLD.email, OLD.language, OLD.country, OLD.buyer_since)
        IS DISTINCT FROM (NEW.name, NEW.email, NEW.language, NEW.country, NEW.buyer_since))
  EXECUTE FUNCTION record_context_change();
CREATE TRIGGER sellers_changes AFTER UPDATE ON sellers
  FOR EACH ROW
  WHEN ((OLD.name, OLD.country, OLD.rating) IS DISTINCT FROM (NEW.name, NEW.country, NEW.rating))
  EXECUTE FUNCTION record_context_change();

CREATE FUNCTION record_agent_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO changes (entity, entity_id) VALUES ('agent', NEW.id);
  PERFORM pg_notify('casedesk_changes', '{}');
  RETURN NULL;
END;
$$;
CREATE TRIGGER agents_changes AFTER INSERT OR UPDATE OF name, email, roles, languages, refund_limit_minor, refund_limit_currency ON agents
  FOR EACH ROW EXECUTE FUNCTION record_agent_change();
