-- name: NextOrderId :one
SELECT nextval('orders_id_seq');
-- name: CreateOrder :exec
INSERT INTO orders (total) VALUES ($1);
