package migrations // the goose runner, not a migration
