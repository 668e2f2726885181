-- Two-step sign-in (TOTP) for password sign-ins.

-- One authenticator per agent. `secret` is sealed with CASEDESK_SECOND_FACTOR_KEY when one is
-- configured ('v1:' AES-256-GCM, bound to the agent's id), else kept as 'plain:'; see
-- docs/accounts.md. Unconfirmed (confirmed_at null) until the first code proves the app
-- has it. last_used_step is the newest time step accepted: no code works twice.
CREATE TABLE second_factors (
  agent_id uuid PRIMARY KEY REFERENCES agents (id),
  secret text NOT NULL,
  created_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  last_used_step bigint
);

-- Recovery codes, each usable once, kept only as SHA-256 hashes.
CREATE TABLE recovery_codes (
  agent_id uuid NOT NULL REFERENCES agents (id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (agent_id, code_hash)
);

-- The admins' setting: the roles that must use a second factor with a password. One row.
CREATE TABLE second_factor_policy (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  required_for text[] NOT NULL DEFAULT '{}'
);
INSERT INTO second_factor_policy (id) VALUES (true);

-- How a session began: a single sign-on session is never asked for TOTP (the provider owns
-- that), so it is never limited to setting one up either.
ALTER TABLE sessions ADD COLUMN via_sso boolean NOT NULL DEFAULT false;

-- A wrong code is counted as a failed sign-in and marked, so codes can be limited per
-- account from every address together (a password alone must not buy unlimited guesses).
ALTER TABLE login_failures ADD COLUMN second_factor boolean NOT NULL DEFAULT false;
