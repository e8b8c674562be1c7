INSERT INTO accounts (email) VALUES ($1);
INSERT INTO accounts (email, score) VALUES ($1, $2);
