SELECT id, title FROM tickets WHERE status = 'pending';
UPDATE tickets SET status = 'closed' WHERE id = $1;
INSERT INTO tickets (title, status) VALUES ($1, 'pending');
SELECT count(*) FROM tickets WHERE status IN ('open', 'pending');
SELECT id FROM tickets WHERE status = $1;
