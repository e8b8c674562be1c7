-- A migration must not make migcompat create a file: ATTACH of a file is refused.
ATTACH DATABASE 'attached-by-migration.db' AS side;
CREATE TABLE side.t (x INTEGER);
