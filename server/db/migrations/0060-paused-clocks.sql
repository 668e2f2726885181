-- SLA clocks stand still while a case waits on the buyer or the seller (clock_paused_at,
-- set when it begins waiting, cleared when it resumes and its due times have moved by the
-- pause), and the seller's answer is the service's deadline (seller_answer_due_at), no
-- longer each client's sum.
ALTER TABLE cases ADD COLUMN clock_paused_at timestamptz;
ALTER TABLE cases ADD COLUMN seller_answer_due_at timestamptz;

-- Cases already waiting: paused since they began waiting (their latest move into that
-- status, else their last change). The seller's answer: three weekdays later (public
-- holidays are the service's arithmetic from now on; these few rows get weekdays only).
-- Only these rows change, so only they are pulled again by replicas.
UPDATE cases c
   SET clock_paused_at = coalesce(
         (SELECT max(e.at) FROM events e
           WHERE e.case_id = c.id AND e.type = 'case.status_changed'
             AND e.data ->> 'to' = c.status),
         c.updated_at)
 WHERE c.status IN ('pending_buyer', 'pending_seller');

UPDATE cases c
   SET seller_answer_due_at = (
         SELECT d FROM generate_series(c.clock_paused_at + interval '1 day',
                                       c.clock_paused_at + interval '10 days',
                                       interval '1 day') AS d
          WHERE extract(isodow FROM d) < 6
          ORDER BY d OFFSET 2 LIMIT 1)
 WHERE c.status = 'pending_seller';
