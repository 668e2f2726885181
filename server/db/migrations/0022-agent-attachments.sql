-- Agents' own files: uploaded to a case first, then sent with a reply or kept on a note.

-- A note's files (a message's are named by attachments.message_id).
ALTER TABLE attachments ADD COLUMN note_id uuid REFERENCES notes (id);
CREATE INDEX attachments_note_idx ON attachments (note_id);
-- Which uploads are still waiting for their message or note, per uploader.
CREATE INDEX attachments_unsent_idx ON attachments (case_id, uploaded_by)
  WHERE message_id IS NULL AND note_id IS NULL;

-- As on messages: the metadata of the note's files, never changed once on the note.
ALTER TABLE notes ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
