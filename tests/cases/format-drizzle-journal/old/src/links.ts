export async function list(db: Client) {
  return db.execute("SELECT l.url, l.title, c.at FROM links l JOIN clicks c ON c.link_id = l.id");
}
