ALTER TABLE audit_log ADD COLUMN detail TEXT;
CREATE UNIQUE INDEX roles_name ON roles (name);
