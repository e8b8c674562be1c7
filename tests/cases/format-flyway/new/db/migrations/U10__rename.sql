ALTER TABLE users RENAME COLUMN handle TO nickname;
