CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id int PRIMARY KEY, total int);
