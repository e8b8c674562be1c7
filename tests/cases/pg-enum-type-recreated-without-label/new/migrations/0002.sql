ALTER TYPE ticket_status RENAME TO ticket_status_old;
CREATE TYPE ticket_status AS ENUM ('open', 'closed');
ALTER TABLE tickets ALTER COLUMN status DROP DEFAULT;
ALTER TABLE tickets ALTER COLUMN status TYPE ticket_status USING status::text::ticket_status;
ALTER TABLE tickets ALTER COLUMN status SET DEFAULT 'open';
DROP TYPE ticket_status_old;
