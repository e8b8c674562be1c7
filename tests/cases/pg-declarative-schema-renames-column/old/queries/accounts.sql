-- name: AccountEmail :one
SELECT email_address FROM accounts WHERE id = $1;
