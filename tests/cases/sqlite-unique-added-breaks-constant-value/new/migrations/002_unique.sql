CREATE UNIQUE INDEX users_one_per_status ON users (status);
