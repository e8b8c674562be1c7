WITH recent AS (
  SELECT id, display_name FROM accounts WHERE created_at > now() - interval '1 day'
)
SELECT r.id, x.n
FROM recent r
CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.account_id = r.id) x
WHERE EXISTS (SELECT 1 FROM orders WHERE orders.account_id = r.id)
UNION ALL
SELECT id, 0 FROM accounts ORDER BY 1;
