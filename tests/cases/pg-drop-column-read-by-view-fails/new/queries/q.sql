SELECT id, display FROM directory;
