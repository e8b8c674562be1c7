-- migrate:up
ALTER TABLE users DROP COLUMN nickname;

-- migrate:down
DROP TABLE users;
