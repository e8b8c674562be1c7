SELECT id, email, nickname FROM users WHERE id = $1;
