-- Incoming messages (mail and help center) and attachments.

-- The Message-ID of an incoming mail: the same mail delivered twice is stored once.
ALTER TABLE messages ADD COLUMN mail_message_id text;
CREATE UNIQUE INDEX messages_mail_message_id_key ON messages (mail_message_id)
  WHERE mail_message_id IS NOT NULL;
-- The whole text of an incoming mail, before its quoted history and signature were cut.
ALTER TABLE messages ADD COLUMN original_body text;
-- Metadata of the message's attachments (they never change once on a message), so that
-- every read and sync of a message carries them without a join.
ALTER TABLE messages ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';

-- A case opened by a late reply to a case resolved long ago names the case it follows.
ALTER TABLE cases ADD COLUMN follows_case_id uuid REFERENCES cases (id);

CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id),
  -- Null while an agent's upload waits for the message it will go with.
  message_id uuid REFERENCES messages (id),
  filename text NOT NULL,
  -- Taken from the bytes, never from the name or the sender's word.
  content_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES agents (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX attachments_case_idx ON attachments (case_id);
CREATE INDEX attachments_message_idx ON attachments (message_id);

-- The bytes, behind the storage interface (server/attachments/attachment-store.ts): in the
-- database by default, so a backup holds them with the case.
CREATE TABLE attachment_blobs (
  attachment_id uuid PRIMARY KEY REFERENCES attachments (id),
  data bytea NOT NULL
);
