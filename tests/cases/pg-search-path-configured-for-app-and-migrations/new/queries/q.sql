SELECT email FROM users;
