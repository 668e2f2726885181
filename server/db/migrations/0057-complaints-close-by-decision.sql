-- A complaint case (DSA Art. 20) is closed by its decision, never by a plain resolve: the
-- service refuses that (422 complaint_undecided) and the database holds it too, as it
-- holds who may decide. The decision row is written before the case is resolved, in the
-- same transaction, so the decision itself passes. Complaint cases already resolved stay
-- as they are: only the move into `resolved` is checked.
CREATE FUNCTION check_complaint_resolved_by_decision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM complaint_decisions WHERE case_id = NEW.id) THEN
    RAISE EXCEPTION 'complaint case % is resolved by its decision, and it has none', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cases_complaint_resolved_by_decision';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER cases_complaint_resolved_by_decision BEFORE UPDATE OF status ON cases
  FOR EACH ROW
  WHEN (NEW.status = 'resolved' AND OLD.status <> 'resolved' AND NEW.complaint_of IS NOT NULL)
  EXECUTE FUNCTION check_complaint_resolved_by_decision();
