export async function profile(db: Client, id: number) {
  return db.execute({ sql: "SELECT name, avatar_url FROM users WHERE id = ?", args: [id] });
}
