DELETE FROM orders o USING accounts a WHERE a.id = o.account_id AND a.email = $1 RETURNING o.id, o.note;
