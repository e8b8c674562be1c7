SELECT u.email, p.body FROM posts p JOIN users u ON u.id = p.user_id;
