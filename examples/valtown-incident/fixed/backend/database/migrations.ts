import { sqlite } from "https://esm.town/v/stevekrouse/sqlite";

export const MESSAGES = "messages_v1";

// Runs at every start of the app.
export async function runMigrations() {
  await sqlite.execute(`CREATE TABLE IF NOT EXISTS ${MESSAGES} (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at DATETIME DEFAULT CURRENT_TIMESTAMP
  )`);
  // v2, expand step: add "author" next to "username"; new code writes both.
  // A later deploy, once no running code reads "username", drops it.
  try {
    await sqlite.execute(`ALTER TABLE ${MESSAGES} ADD COLUMN author TEXT`);
  } catch {
    // already added
  }
}
