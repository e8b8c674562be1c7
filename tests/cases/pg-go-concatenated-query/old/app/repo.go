package app

const table = "users"

const byID = "SELECT name " +
	"FROM " + table + " WHERE id = $1"

func one(db DB) { db.Query(byID, 1) }
func two(db DB) { db.Query("SELECT email " + "FROM users") }
