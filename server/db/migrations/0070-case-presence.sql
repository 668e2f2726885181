-- Who has a case open right now, and whether they are typing a reply (issue 16: presence
-- and collision). One row per agent and case, refreshed by the workspace's heartbeat; a
-- row older than the expiry in server/services/case-presence.ts counts as gone, so an app
-- that died without saying goodbye drops out by itself. Kept in the database rather than
-- in one instance's memory so every instance of a team install sees the same viewers; the
-- changes reach the other instances' event streams by NOTIFY.
CREATE TABLE case_presence (
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  agent_id uuid NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  typing boolean NOT NULL DEFAULT false,
  opened_at timestamptz NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, agent_id)
);
CREATE INDEX case_presence_seen_idx ON case_presence (seen_at);
