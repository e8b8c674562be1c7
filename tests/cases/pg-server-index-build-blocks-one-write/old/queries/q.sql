INSERT INTO events (account_id, kind) VALUES ($1, $2);
