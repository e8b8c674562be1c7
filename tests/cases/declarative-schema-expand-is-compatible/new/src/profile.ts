export async function profile(db: Client, id: number) {
  await db.execute({ sql: "INSERT INTO users (name) VALUES (?)", args: ["x"] });
  return db.execute({ sql: "SELECT name FROM users WHERE id = ?", args: [id] });
}
