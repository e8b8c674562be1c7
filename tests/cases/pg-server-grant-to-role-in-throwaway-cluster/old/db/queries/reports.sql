SELECT id, title, body FROM reports WHERE id = $1;
