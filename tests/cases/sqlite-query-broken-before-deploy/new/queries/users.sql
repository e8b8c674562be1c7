SELECT nickname FROM users;
