import { sqlite } from "https://esm.town/v/std/sqlite";
import { TABLE } from "./migrations.ts";
export const list = () => sqlite.execute(`SELECT id, title FROM ${TABLE}`);
export async function byColumn(column: string, value: string) {
  return sqlite.execute({ sql: `SELECT id FROM ${TABLE} WHERE ${column} = ?`, args: [value] });
}
