CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  quantity integer NOT NULL,
  status text NOT NULL DEFAULT 'new'
);
