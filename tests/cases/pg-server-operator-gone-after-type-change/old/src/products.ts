import { pool } from "./db";

export async function searchProducts(prefix: string) {
  const { rows } = await pool.query(
    `SELECT id, title
       FROM products
      WHERE sku LIKE $1
      ORDER BY id`,
    [prefix + "%"],
  );
  return rows;
}

export async function productBySku(sku: string) {
  return pool.query(`SELECT id, title FROM products WHERE sku = $1`, [sku]);
}
