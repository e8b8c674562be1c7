INSERT INTO orders (id, total) VALUES ($1, $2);
UPDATE orders SET id = DEFAULT WHERE total = 0;
INSERT INTO orders (id, total) OVERRIDING SYSTEM VALUE VALUES ($1, $2);
INSERT INTO orders (total) VALUES ($1);
UPDATE orders SET id = 7 WHERE total = 0;
INSERT INTO orders VALUES (DEFAULT, $1) ON CONFLICT (id) DO UPDATE SET total = excluded.total;
