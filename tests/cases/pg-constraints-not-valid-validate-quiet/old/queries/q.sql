INSERT INTO accounts (email, age) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING;
SELECT o.id, a.email FROM orders o JOIN accounts a ON a.id = o.account_id;
