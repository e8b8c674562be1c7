SELECT nextval('public.orders_id_seq'::regclass), nextval('invoice_numbers');
INSERT INTO orders (total) VALUES ($1);
