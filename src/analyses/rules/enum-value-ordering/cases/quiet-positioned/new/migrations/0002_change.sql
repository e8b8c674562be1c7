ALTER TYPE ticket_status ADD VALUE 'waiting' AFTER 'open';
