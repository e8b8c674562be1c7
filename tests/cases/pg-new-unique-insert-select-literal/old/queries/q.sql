INSERT INTO events (account_id, kind) SELECT id, 'signup' FROM accounts;
