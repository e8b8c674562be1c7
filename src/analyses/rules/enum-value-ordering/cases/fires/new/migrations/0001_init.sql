CREATE TYPE ticket_status AS ENUM ('open', 'closed');
