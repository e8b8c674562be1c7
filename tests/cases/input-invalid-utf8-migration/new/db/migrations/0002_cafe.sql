-- Ajout d'une colonne pour le café (saved as Latin-1)
ALTER TABLE accounts ADD COLUMN cafe text;
