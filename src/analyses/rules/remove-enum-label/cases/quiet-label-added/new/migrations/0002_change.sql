ALTER TYPE ticket_status ADD VALUE 'pending' BEFORE 'closed';
