-- name: NotedOrders :many
SELECT o.order_id, o.note FROM orders AS o(order_id) WHERE o.total > 0;
