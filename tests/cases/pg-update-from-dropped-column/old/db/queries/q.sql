UPDATE orders SET note = a.email FROM accounts a WHERE a.id = orders.account_id AND orders.id = $1;
