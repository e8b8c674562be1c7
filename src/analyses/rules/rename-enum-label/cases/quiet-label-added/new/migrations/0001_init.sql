CREATE TYPE ticket_status AS ENUM ('open', 'pending', 'closed');
CREATE TABLE tickets (id bigint PRIMARY KEY, status ticket_status NOT NULL);
