-- The dashboard's figures (GET /reports/queue-health, issue 18) on a million cases within
-- 500 ms: each figure reads one index that holds every column it needs (index-only scans),
-- never the table. Partial where a figure only ever looks at some rows, so the index stays
-- small and costs intake little: open cases are a few thousand of a million.

-- Open cases by status and language, their running clocks, and who holds them.
CREATE INDEX cases_open_health_idx ON cases (language, status)
  INCLUDE (assignee_id, created_at, first_responded_at, first_response_due_at,
           resolution_due_at, clock_paused_at, seller_answer_due_at)
  WHERE status <> 'resolved';

-- First responses and resolutions per day: median, 90th percentile, met.
CREATE INDEX cases_first_response_health_idx ON cases (first_responded_at)
  INCLUDE (language, created_at, first_response_due_at)
  WHERE first_responded_at IS NOT NULL;
CREATE INDEX cases_resolution_health_idx ON cases (resolved_at)
  INCLUDE (language, created_at, resolution_due_at)
  WHERE resolved_at IS NOT NULL;

-- Cases created per day and topic, and how the buyer rated the AI answer. The rating lives
-- inside ai_answer (jsonb), which no index-only scan can read: a partial index per rating
-- holds the rows that have it, so counting them never touches the table.
CREATE INDEX cases_created_health_idx ON cases (created_at) INCLUDE (language, topic);
CREATE INDEX cases_ai_helpful_health_idx ON cases (created_at) INCLUDE (language, topic)
  WHERE (ai_answer ->> 'rating') = 'helpful';
CREATE INDEX cases_ai_not_helpful_health_idx ON cases (created_at) INCLUDE (language, topic)
  WHERE (ai_answer ->> 'rating') = 'not_helpful';

-- Executed refunds by when they took money back (result, approval or proposal).
CREATE INDEX actions_refunds_executed_idx ON actions ((coalesce(result_at, decided_at, created_at)))
  INCLUDE (case_id, currency, amount_minor)
  WHERE type = 'refund' AND status = 'executed';
