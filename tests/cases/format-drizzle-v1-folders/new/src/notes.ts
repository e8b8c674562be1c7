export const pinned = (sql: Sql) => sql`SELECT id, title FROM notes WHERE pinned`;
