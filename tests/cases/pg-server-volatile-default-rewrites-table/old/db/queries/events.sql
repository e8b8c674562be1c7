INSERT INTO events (kind, payload) VALUES ($1, $2);
SELECT id, kind FROM events ORDER BY id DESC LIMIT 50;
