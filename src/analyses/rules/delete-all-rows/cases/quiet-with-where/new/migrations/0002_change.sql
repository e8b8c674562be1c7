DELETE FROM users WHERE plan = 'closed';
