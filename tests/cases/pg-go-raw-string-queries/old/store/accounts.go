package store

import "database/sql"

const (
	accountsTable = "accounts"
	selectPlan    = "SELECT id, plan FROM accounts WHERE id = $1"
)

func ByEmail(db *sql.DB, email string) (*sql.Row, error) {
	row := db.QueryRow(`
		SELECT id,
		       display_name
		FROM accounts
		WHERE email = $1`, email)
	return row, nil
}

func Rename(db *sql.DB, id int64, name string) error {
	_, err := db.Exec("UPDATE accounts SET email = $1, display_name = $2 WHERE id = $3", "x", name, id)
	return err
}

func Plan(db *sql.DB, id int64) *sql.Row { return db.QueryRow(selectPlan, id) }
