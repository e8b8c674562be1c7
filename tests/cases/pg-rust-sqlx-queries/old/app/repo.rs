use sqlx::PgPool;

const BY_EMAIL: &str = "SELECT id, name FROM users WHERE email = $1";

/// Loads a user's name. /* nested /* doc */ comment */
pub async fn name<'a>(pool: &'a PgPool, id: i64) -> sqlx::Result<String> {
    let row = sqlx::query!(r#"
        SELECT name AS "name!"
        FROM users
        WHERE id = $1"#, id).fetch_one(pool).await?;
    let quote = '"';
    let emails = sqlx::query("SELECT email \
                              FROM users WHERE id = $1").bind(id);
    let by_email = sqlx::query(BY_EMAIL);
    Ok(row.name)
}
