package db

// Each function runs once, in order, inside its own transaction.
var migrations = []func(tx *sql.Tx) error{
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`CREATE TABLE users (
			id INTEGER PRIMARY KEY,
			name TEXT NOT NULL
		)`)
		return err
	},
	func(tx *sql.Tx) error {
		_, err := tx.Exec("ALTER TABLE users ADD COLUMN avatar_url TEXT")
		return err
	},
	func(tx *sql.Tx) error {
		if _, err := tx.Exec(`CREATE TABLE avatars (user_id INTEGER PRIMARY KEY, url TEXT NOT NULL)`); err != nil {
			return err
		}
		_, err := tx.Exec(`ALTER TABLE users DROP COLUMN avatar_url`)
		return err
	},
}
