ALTER TABLE messages ADD COLUMN edited_at TEXT;
