CREATE TABLE events (id serial PRIMARY KEY, hits integer);
