CREATE OR REPLACE VIEW user_handles AS SELECT id, handle FROM users;
