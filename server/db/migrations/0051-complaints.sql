-- Complaints and appeals (DSA Art. 20, issue 17). A complaint is a case (topic
-- `complaint`) about one restriction; it is decided once, by a Trust & Safety reviewer who
-- neither proposed nor approved the restriction — or, where every active reviewer did, by
-- a lead. The service checks this first; the database holds it too, as it holds four eyes.
ALTER TABLE cases ADD COLUMN complaint_of uuid REFERENCES actions (id);
-- One complaint per decision: a second (or a race of two) meets this index.
CREATE UNIQUE INDEX cases_complaint_of_key ON cases (complaint_of) WHERE complaint_of IS NOT NULL;

CREATE TABLE complaint_decisions (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  action_id uuid NOT NULL REFERENCES actions (id),
  outcome text NOT NULL CHECK (outcome IN ('upheld', 'reversed')),
  reasons text NOT NULL CHECK (length(btrim(reasons)) > 0),
  decided_by uuid NOT NULL REFERENCES agents (id),
  decided_at timestamptz NOT NULL
);

-- Who may decide a complaint, held whatever writes the row: not the restriction's proposer
-- or approver; a Trust & Safety reviewer, or a lead only when every active reviewer was
-- involved. The case must be the complaint about that very action.
CREATE FUNCTION check_complaint_decider() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a record;
  decider_roles text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM cases WHERE id = NEW.case_id AND complaint_of = NEW.action_id) THEN
    RAISE EXCEPTION 'case % is not a complaint about action %', NEW.case_id, NEW.action_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_decisions_of_complaint';
  END IF;
  SELECT proposed_by, approved_by INTO a FROM actions WHERE id = NEW.action_id;
  IF NEW.decided_by = a.proposed_by OR NEW.decided_by IS NOT DISTINCT FROM a.approved_by THEN
    RAISE EXCEPTION 'a complaint is decided by someone who neither proposed nor approved the decision'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_decisions_not_involved';
  END IF;
  SELECT roles INTO decider_roles FROM agents WHERE id = NEW.decided_by;
  IF 'trust_safety' = ANY (decider_roles) THEN
    RETURN NEW;
  END IF;
  IF 'lead' = ANY (decider_roles) AND NOT EXISTS (
       SELECT 1 FROM agents
        WHERE active AND 'trust_safety' = ANY (roles)
          AND id <> a.proposed_by AND id IS DISTINCT FROM a.approved_by) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a complaint is decided by an uninvolved Trust & Safety reviewer (a lead only when there is none)'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_decisions_decider_role';
END;
$$;
CREATE TRIGGER complaint_decisions_decider BEFORE INSERT ON complaint_decisions
  FOR EACH ROW EXECUTE FUNCTION check_complaint_decider();
-- A decision stands once made: no rewriting who decided or how.
CREATE TRIGGER complaint_decisions_immutable BEFORE UPDATE OR DELETE ON complaint_decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
