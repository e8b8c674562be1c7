SELECT id, total_cents FROM orders;
