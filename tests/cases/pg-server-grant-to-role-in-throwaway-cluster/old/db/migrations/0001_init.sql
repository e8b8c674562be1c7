CREATE TABLE reports (id bigserial PRIMARY KEY, title text NOT NULL, body text);
GRANT SELECT ON reports TO analytics_reader;
