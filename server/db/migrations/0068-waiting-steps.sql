-- Issue 18: the automatic steps of a case waiting on the buyer or the seller (a reminder,
-- then a resolution). A row is written in the transaction that sends the step's message,
-- keyed by the wait it belongs to (its case and the time it began): a step is taken once
-- per wait, however many instances look and however often one crashes before committing.
CREATE TABLE waiting_steps (
  case_id uuid NOT NULL REFERENCES cases (id),
  waiting_since timestamptz NOT NULL,
  step text NOT NULL CHECK (step IN ('reminder', 'resolve')),
  party text NOT NULL CHECK (party IN ('buyer', 'seller')),
  message_id uuid NOT NULL,
  done_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, waiting_since, step)
);
