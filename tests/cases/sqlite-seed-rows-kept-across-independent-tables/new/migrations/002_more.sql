ALTER TABLE users ADD COLUMN role_id INTEGER REFERENCES roles (id);
ALTER TABLE audit_log ADD COLUMN who TEXT;
CREATE INDEX audit_log_at ON audit_log (at);
