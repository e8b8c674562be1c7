SET lock_timeout = '2s';
ALTER TABLE accounts ADD CONSTRAINT accounts_age_check CHECK (age >= 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_age_check;
ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_fk;
ALTER TABLE accounts RENAME CONSTRAINT accounts_age_check TO accounts_age_nonnegative;
