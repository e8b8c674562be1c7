CREATE TABLE orders (id bigint PRIMARY KEY, total int NOT NULL, note text);
