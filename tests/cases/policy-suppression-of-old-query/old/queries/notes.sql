-- migcompat:ignore MC001 the notes page that ran this query was retired in v2.3
SELECT id, title, body FROM notes WHERE id = ?;
