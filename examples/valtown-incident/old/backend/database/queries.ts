import { sqlite } from "https://esm.town/v/stevekrouse/sqlite";
import { MESSAGES } from "./migrations.ts";

export async function listMessages(limit = 50) {
  const result = await sqlite.execute({
    sql: `SELECT id, username, content, created_at
          FROM ${MESSAGES}
          ORDER BY created_at DESC
          LIMIT ?`,
    args: [limit],
  });
  return result.rows;
}

export async function addMessage(username: string, content: string) {
  await sqlite.execute({
    sql: `INSERT INTO ${MESSAGES} (username, content) VALUES (?, ?)`,
    args: [username, content],
  });
}
