CREATE TABLE handles (id bigint PRIMARY KEY, handle varchar(30));
