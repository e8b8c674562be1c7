CREATE TABLE orders (id bigserial PRIMARY KEY, total int NOT NULL);
CREATE SEQUENCE invoice_numbers START 1000;
