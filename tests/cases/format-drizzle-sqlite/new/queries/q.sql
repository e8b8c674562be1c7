SELECT id, email, nickname FROM users WHERE id = ?;
