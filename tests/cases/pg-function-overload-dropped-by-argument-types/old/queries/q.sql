-- name: NormEmail :one
SELECT norm_email('A@X');
-- name: Slug :one
SELECT slug('Hello World');
