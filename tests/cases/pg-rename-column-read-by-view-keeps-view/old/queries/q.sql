SELECT id, name FROM directory;
