CREATE TABLE events_2023 (id bigint PRIMARY KEY, kind text);
CREATE TABLE events_2024 (id bigint PRIMARY KEY, kind text);
