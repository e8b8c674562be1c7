ALTER SCHEMA billing RENAME TO finance;
