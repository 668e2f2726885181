-- Casedesk case service: the initial schema. Runs unchanged on PostgreSQL 15+ and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE agents (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL,
  languages text[] NOT NULL,
  refund_limit_minor bigint NOT NULL CHECK (refund_limit_minor >= 0),
  refund_limit_currency text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agents_email_key ON agents (lower(email));

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  agent_id uuid NOT NULL REFERENCES agents (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_agent_idx ON sessions (agent_id);

-- Failed logins, counted per account and per address within a window.
CREATE TABLE login_failures (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  address text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_email_idx ON login_failures (email, at);
CREATE INDEX login_failures_address_idx ON login_failures (address, at);

CREATE TABLE presence (
  agent_id uuid PRIMARY KEY REFERENCES agents (id),
  available boolean NOT NULL,
  channels text[] NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE buyers (
  id uuid PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  name text NOT NULL,
  email text NOT NULL,
  language text NOT NULL,
  country text NOT NULL,
  buyer_since timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE sellers (
  id uuid PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  name text NOT NULL,
  country text NOT NULL,
  rating numeric(3, 2),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Money is tracked per order: two cases on one order share one refundable amount.
CREATE TABLE orders (
  id uuid PRIMARY KEY,
  external_id text NOT NULL UNIQUE,
  buyer_id uuid NOT NULL REFERENCES buyers (id),
  seller_id uuid NOT NULL REFERENCES sellers (id),
  lot_id text NOT NULL,
  lot_title text NOT NULL,
  category text NOT NULL,
  currency text NOT NULL,
  amount_paid_minor bigint NOT NULL CHECK (amount_paid_minor > 0),
  fees_minor bigint,
  fees_currency text,
  shipping_status text NOT NULL,
  ordered_at timestamptz NOT NULL,
  shipped_at timestamptz,
  delivered_at timestamptz,
  tracking_number text,
  payout_status text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'cancelled')),
  refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  reserved_minor bigint NOT NULL DEFAULT 0 CHECK (reserved_minor >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  -- The last line of defence: whatever the code does, money out never exceeds money in.
  CONSTRAINT orders_refunds_within_paid CHECK (refunded_minor + reserved_minor <= amount_paid_minor)
);
CREATE INDEX orders_seller_idx ON orders (seller_id);

CREATE SEQUENCE case_reference_seq START 100001;

CREATE TABLE cases (
  id uuid PRIMARY KEY,
  reference text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('new', 'open', 'pending_buyer', 'pending_seller', 'ts_review', 'resolved')),
  topic text NOT NULL,
  channel text NOT NULL,
  language text NOT NULL,
  priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  assignee_id uuid REFERENCES agents (id),
  buyer_id uuid NOT NULL REFERENCES buyers (id),
  order_id uuid REFERENCES orders (id),
  question text NOT NULL,
  ai_answer jsonb NOT NULL,
  contacted_seller_first boolean NOT NULL,
  seller_reply text,
  external_dispute boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  first_response_due_at timestamptz NOT NULL,
  resolution_due_at timestamptz NOT NULL,
  first_responded_at timestamptz,
  resolved_at timestamptz,
  resolution_summary text,
  -- Lower-cased reference, buyer name and email and lot title, for the search box.
  search_text text NOT NULL
);
CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC);
CREATE INDEX cases_status_idx ON cases (status, created_at DESC);
CREATE INDEX cases_language_idx ON cases (language, created_at DESC);
CREATE INDEX cases_assignee_idx ON cases (assignee_id, created_at DESC);
CREATE INDEX cases_buyer_idx ON cases (buyer_id);
CREATE INDEX cases_order_idx ON cases (order_id);
CREATE INDEX cases_search_idx ON cases USING gin (search_text gin_trgm_ops);

CREATE TABLE messages (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  direction text NOT NULL CHECK (direction IN ('to', 'from')),
  party text NOT NULL CHECK (party IN ('buyer', 'seller')),
  author_id uuid REFERENCES agents (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX messages_case_idx ON messages (case_id, created_at);

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  author_id uuid NOT NULL REFERENCES agents (id),
  body text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX notes_case_idx ON notes (case_id, created_at);

CREATE TABLE actions (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  order_id uuid REFERENCES orders (id),
  type text NOT NULL CHECK (type IN ('refund', 'cancel_order', 'restrict_account', 'law_enforcement_referral')),
  status text NOT NULL CHECK (status IN ('executed', 'pending_approval', 'rejected', 'withdrawn')),
  -- The request body as validated, minus `type`.
  details jsonb NOT NULL,
  amount_minor bigint,
  currency text,
  proposed_by uuid NOT NULL REFERENCES agents (id),
  approved_by uuid REFERENCES agents (id),
  rejected_by uuid REFERENCES agents (id),
  rejection_reason text,
  created_at timestamptz NOT NULL,
  decided_at timestamptz,
  -- Four eyes, held by the database too: nobody decides on their own proposal.
  CONSTRAINT actions_four_eyes CHECK (approved_by IS DISTINCT FROM proposed_by AND rejected_by IS DISTINCT FROM proposed_by)
);
CREATE INDEX actions_case_idx ON actions (case_id, created_at);
CREATE INDEX actions_pending_idx ON actions (status) WHERE status = 'pending_approval';

CREATE TABLE account_restrictions (
  id uuid PRIMARY KEY,
  subject text NOT NULL CHECK (subject IN ('buyer', 'seller')),
  subject_id uuid NOT NULL,
  restriction text NOT NULL,
  until timestamptz,
  action_id uuid NOT NULL REFERENCES actions (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX account_restrictions_subject_idx ON account_restrictions (subject, subject_id);

CREATE TABLE external_disputes (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  body text NOT NULL,
  reference text NOT NULL,
  filed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('filed', 'in_progress', 'decided', 'withdrawn')),
  notes text NOT NULL,
  outcome text,
  response_due_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX external_disputes_case_idx ON external_disputes (case_id);

-- The audit trail. Rows are only ever inserted: the database itself refuses the rest.
CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  case_id uuid NOT NULL REFERENCES cases (id),
  type text NOT NULL,
  actor_id uuid REFERENCES agents (id),
  at timestamptz NOT NULL,
  data jsonb NOT NULL
);
CREATE INDEX events_case_idx ON events (case_id, seq);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are immutable: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- Responses of idempotent requests, replayed on retry. Scoped to the caller.
CREATE TABLE idempotency_keys (
  caller text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  body jsonb,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
