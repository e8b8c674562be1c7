CREATE TABLE orders (id bigserial PRIMARY KEY, total int NOT NULL);
