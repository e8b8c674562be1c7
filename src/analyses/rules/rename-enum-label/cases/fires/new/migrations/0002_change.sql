ALTER TYPE ticket_status RENAME VALUE 'pending' TO 'waiting';
