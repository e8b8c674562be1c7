SET search_path TO app;
CREATE TABLE notes (id int PRIMARY KEY, body text);
ALTER TABLE notes ADD CONSTRAINT body_len CHECK (length(body) < 100);
ALTER TABLE notes ALTER COLUMN body SET NOT NULL;
