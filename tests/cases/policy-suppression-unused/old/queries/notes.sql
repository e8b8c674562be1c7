SELECT id, title, body FROM notes WHERE id = ?;
