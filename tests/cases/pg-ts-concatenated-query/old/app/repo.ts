const TABLE = "users";
const BASE = "SELECT id, " +
  "name FROM " + TABLE;
export async function one(db, id) {
  return db.query("SELECT email " + "FROM " + TABLE + " WHERE id = $1", [id]);
}
export async function two(db, id) {
  return db.query(BASE + " WHERE id = $1", [id]);
}
export async function three(db, col) {
  return db.query("SELECT " + col + " FROM users");
}
