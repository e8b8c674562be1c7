-- name: DirectoryIds :many
SELECT id FROM directory_ids;
-- name: Named :many
SELECT id, name FROM named;
