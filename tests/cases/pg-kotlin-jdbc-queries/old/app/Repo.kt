package app

const val TABLE = "users"

class Repo(private val db: Db) {
  fun names() = db.query("""
      SELECT name
      FROM $TABLE
      """.trimIndent())
  fun emails(id: Long) = db.query("SELECT email FROM ${TABLE} WHERE id = ?", id)
  /* nested /* comment */ "SELECT name FROM users" still a comment */
}
