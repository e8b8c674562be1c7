CREATE TABLE events (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb
);
CREATE TABLE audit_log (id bigserial PRIMARY KEY, line text);
