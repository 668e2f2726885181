-- Outgoing mail: sellers get an address and a language, messages a delivery state, and a
-- durable queue holds each mail from the message's own transaction until it is sent.

ALTER TABLE sellers ADD COLUMN email text;
-- Null: write to the seller in the case's language.
ALTER TABLE sellers ADD COLUMN language text;

-- Null on outgoing messages stored before this migration: they never left the service.
ALTER TABLE messages ADD COLUMN delivery_status text
  CHECK (delivery_status IN ('queued', 'sent', 'failed', 'not_configured'));
ALTER TABLE messages ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN sent_at timestamptz;
ALTER TABLE messages ADD COLUMN last_error text;

-- The token in a case's Reply-To address (reply+<token>@domain): random, so nobody can
-- write into a case by guessing. Kept apart from `cases` so that making one is no case change.
CREATE TABLE case_reply_tokens (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);

-- One row per outgoing mail. A sender claims due rows (FOR UPDATE SKIP LOCKED), commits,
-- sends, and records the result in a new transaction. A claim is a lease: `sending` rows
-- whose lease ran out (the sender died mid-way) are due again, with the same Message-ID.
CREATE TABLE mail_outbox (
  message_id uuid PRIMARY KEY REFERENCES messages (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  party text NOT NULL CHECK (party IN ('buyer', 'seller')),
  -- The Message-ID header, derived from the message id: the receiver's key to drop a resend.
  mail_message_id text NOT NULL UNIQUE,
  recipient text NOT NULL,
  -- Everything the mail says (subject, text, html, headers), fixed when it was queued.
  envelope jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  queued_at timestamptz NOT NULL,
  -- When a pending row may be tried, or when a sending row's lease ends.
  next_attempt_at timestamptz NOT NULL,
  claim_id uuid,
  sent_at timestamptz,
  last_error text
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at)
  WHERE status IN ('pending', 'sending');
CREATE INDEX mail_outbox_thread_idx ON mail_outbox (case_id, party, queued_at);
