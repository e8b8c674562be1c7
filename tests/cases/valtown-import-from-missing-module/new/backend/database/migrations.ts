import { sqlite } from "https://esm.town/v/std/sqlite";
export const TABLE = "todos_v1";
export async function migrate() {
  await sqlite.execute(`CREATE TABLE IF NOT EXISTS ${TABLE} (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL
  )`);
}
