-- name: Totals :many
SELECT a.email, total_cents FROM accounts a JOIN orders o ON o.account_id = a.id;
