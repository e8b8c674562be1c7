CREATE TABLE orders (id bigserial PRIMARY KEY, legacy_no serial, total int NOT NULL);
