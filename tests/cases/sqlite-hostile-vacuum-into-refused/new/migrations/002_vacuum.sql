-- VACUUM INTO would write a copy of the database to disk.
VACUUM INTO 'copy-by-migration.db';
