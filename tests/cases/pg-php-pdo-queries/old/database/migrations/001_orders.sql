CREATE TABLE orders (id serial PRIMARY KEY, status text NOT NULL DEFAULT 'new', shipped_at timestamptz);
