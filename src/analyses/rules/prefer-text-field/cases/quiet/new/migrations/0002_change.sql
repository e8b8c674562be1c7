CREATE TABLE handles (id bigint PRIMARY KEY, handle text);
