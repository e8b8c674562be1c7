SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_status_known CHECK (status IN ('open', 'paid', 'shipped'));
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0);
