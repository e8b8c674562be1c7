package migrations

func init() { goose.AddMigrationContext(upBackfill, downBackfill) }
