-- A generated copy for documentation: not a migration.
DROP TABLE orders;
