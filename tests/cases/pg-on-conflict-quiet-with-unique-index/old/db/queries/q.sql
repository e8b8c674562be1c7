-- name: UpsertAccount :exec
INSERT INTO accounts (email, display_name) VALUES ($1, $2)
ON CONFLICT (email) DO UPDATE SET display_name = excluded.display_name;
