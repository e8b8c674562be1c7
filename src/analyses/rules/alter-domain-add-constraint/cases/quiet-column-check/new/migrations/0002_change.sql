ALTER TABLE users ADD CONSTRAINT users_address_has_at CHECK (address LIKE '%@%') NOT VALID;
