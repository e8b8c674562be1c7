CREATE TABLE orders (id bigint NOT NULL PRIMARY KEY, total int NOT NULL);
