SELECT id FROM accounts WHERE email = normalize_email($1);
SELECT count(*), max(id), lower(email) FROM accounts GROUP BY lower(email);
INSERT INTO accounts (email) VALUES (normalize_email($1, true));
