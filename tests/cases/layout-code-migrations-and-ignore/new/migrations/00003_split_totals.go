package migrations

func init() { goose.AddMigrationContext(upSplitTotals, downSplitTotals) }
