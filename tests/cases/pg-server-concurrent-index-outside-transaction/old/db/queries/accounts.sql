SELECT id FROM accounts WHERE plan = $1;
UPDATE accounts SET plan = $2 WHERE id = $1;
