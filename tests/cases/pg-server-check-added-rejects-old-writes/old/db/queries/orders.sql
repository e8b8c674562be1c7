-- name: CreateOrder :one
INSERT INTO orders (quantity) VALUES ($1) RETURNING id;

-- name: SetQuantity :exec
UPDATE orders SET quantity = $2 WHERE id = $1;

-- name: OrdersByStatus :many
SELECT id, quantity FROM orders WHERE status = $1;
