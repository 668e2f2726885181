-- Single sign-on (OpenID Connect): a sign-in begun at the provider, and the one-time code
-- that hands its session to the app. Both are short-lived and single use; only hashes of
-- the state and the code are kept, so a leaked table completes nobody's sign-in.
CREATE TABLE oidc_logins (
  state_hash text PRIMARY KEY,
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  redirect_uri text NOT NULL,
  -- The callback the provider was told, repeated in the token request as OAuth requires.
  callback_uri text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE oidc_codes (
  code_hash text PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents (id),
  expires_at timestamptz NOT NULL
);
