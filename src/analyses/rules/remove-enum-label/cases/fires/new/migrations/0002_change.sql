ALTER TABLE tickets ALTER COLUMN status TYPE text;
DROP TYPE ticket_status;
CREATE TYPE ticket_status AS ENUM ('open', 'closed');
ALTER TABLE tickets ALTER COLUMN status TYPE ticket_status USING status::ticket_status;
