import { pool } from "./pool";
const TABLE = "accounts";
export async function byEmail(email: string) {
  return pool.query(`SELECT id, display_name FROM ${TABLE} WHERE email = $1`, [email]);
}
