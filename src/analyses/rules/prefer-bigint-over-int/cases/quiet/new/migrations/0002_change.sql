CREATE TABLE events (id bigint PRIMARY KEY, hits bigint);
