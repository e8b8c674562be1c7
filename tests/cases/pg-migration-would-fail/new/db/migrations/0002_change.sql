ALTER TABLE invoices ADD COLUMN region text;
