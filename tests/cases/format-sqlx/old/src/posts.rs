pub async fn by_slug(pool: &SqlitePool, slug: &str) -> sqlx::Result<Post> {
    sqlx::query_as!(Post, "SELECT id, body, published_at FROM posts WHERE slug = ?", slug)
        .fetch_one(pool)
        .await
}
