CREATE TABLE events (kind text, payload jsonb);
