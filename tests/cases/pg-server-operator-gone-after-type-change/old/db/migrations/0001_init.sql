CREATE TABLE products (
  id bigserial PRIMARY KEY,
  sku text NOT NULL,
  title text NOT NULL
);
