-- name: AddAdminRole
INSERT INTO roles (name) VALUES ('admin');
-- name: SetTheme
INSERT INTO settings (key, value) VALUES (?, ?);
-- name: UsersWithRoles
SELECT u.email, r.name FROM users u JOIN roles r ON r.id = u.role_id;
