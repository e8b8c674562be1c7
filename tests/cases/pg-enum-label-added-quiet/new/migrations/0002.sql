ALTER TYPE ticket_status ADD VALUE 'archived';
ALTER TYPE ticket_status ADD VALUE IF NOT EXISTS 'open';
