-- Evidence case files (issue 17): every audit event carries a SHA-256 hash chained to the
-- previous event of its case, computed here at insert time, so the service can prove its
-- history and a recipient of a case file can tell that nothing was removed or altered.
--
-- One chain per case, serialised per case by the row of its head (event_chain_heads,
-- locked FOR UPDATE inside the inserting transaction). The chain's order is chain_index,
-- not seq: two transactions may draw seq 10 and 11 and commit the other way round; the
-- head lock orders them as they really chained.
--
-- What is hashed (all text, joined by '|'): the previous hash (64 zeros for the first
-- event), id, case id, type, actor id (empty when none), the time in UTC with
-- microseconds (YYYY-MM-DDTHH24:MI:SS.USZ), and data as PostgreSQL renders jsonb. The
-- case file carries that exact text (hashedAt, hashedData), so a verifier can recompute
-- each hash without reimplementing jsonb's key order.
ALTER TABLE events
  ADD COLUMN chain_index bigint,
  ADD COLUMN prev_hash text,
  ADD COLUMN hash text;

CREATE TABLE event_chain_heads (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  length bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION event_hash(prev text, e events) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws('|',
    prev, e.id::text, e.case_id::text, e.type, coalesce(e.actor_id::text, ''),
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    e.data::text), 'UTF8')), 'hex')
$$;

-- Existing history is chained once, in the order it was written.
DO $$
DECLARE
  e events;
  prev text;
  n bigint;
  current_case uuid := NULL;
BEGIN
  ALTER TABLE events DISABLE TRIGGER events_immutable;
  FOR e IN SELECT * FROM events ORDER BY case_id, seq LOOP
    IF current_case IS DISTINCT FROM e.case_id THEN
      IF current_case IS NOT NULL THEN
        INSERT INTO event_chain_heads VALUES (current_case, n, prev);
      END IF;
      current_case := e.case_id;
      prev := repeat('0', 64);
      n := 0;
    END IF;
    n := n + 1;
    UPDATE events SET chain_index = n, prev_hash = prev, hash = event_hash(prev, e)
     WHERE seq = e.seq;
    prev := event_hash(prev, e);
  END LOOP;
  IF current_case IS NOT NULL THEN
    INSERT INTO event_chain_heads VALUES (current_case, n, prev);
  END IF;
  ALTER TABLE events ENABLE TRIGGER events_immutable;
END $$;

ALTER TABLE events
  ALTER COLUMN chain_index SET NOT NULL,
  ALTER COLUMN prev_hash SET NOT NULL,
  ALTER COLUMN hash SET NOT NULL,
  ADD CONSTRAINT events_chain_position UNIQUE (case_id, chain_index);

-- Whatever a writer sends for these columns, the chain decides them.
CREATE FUNCTION chain_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head event_chain_heads;
BEGIN
  INSERT INTO event_chain_heads (case_id, length, hash)
    VALUES (NEW.case_id, 0, repeat('0', 64)) ON CONFLICT (case_id) DO NOTHING;
  SELECT * INTO head FROM event_chain_heads WHERE case_id = NEW.case_id FOR UPDATE;
  NEW.chain_index := head.length + 1;
  NEW.prev_hash := head.hash;
  NEW.hash := event_hash(head.hash, NEW);
  UPDATE event_chain_heads SET length = NEW.chain_index, hash = NEW.hash
   WHERE case_id = NEW.case_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER events_chain BEFORE INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION chain_event();

-- The heads are the chain's memory: only the trigger moves them, never backwards.
CREATE FUNCTION refuse_chain_head_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.length <> OLD.length + 1 OR NEW.case_id <> OLD.case_id THEN
    RAISE EXCEPTION 'event chain heads only move forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER event_chain_heads_forward BEFORE UPDATE OR DELETE ON event_chain_heads
  FOR EACH ROW EXECUTE FUNCTION refuse_chain_head_change();
