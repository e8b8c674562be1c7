SELECT * FROM users WHERE id = ?;
