CREATE TABLE invoices (id bigserial PRIMARY KEY, customer_id bigint NOT NULL, amount_cents integer NOT NULL, memo text);
