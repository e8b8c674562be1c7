-- +goose Up
CREATE TABLE orders (id INTEGER PRIMARY KEY, total_cents INTEGER NOT NULL);
-- +goose Down
DROP TABLE orders;
