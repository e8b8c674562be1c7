ALTER TABLE reports DROP COLUMN body;
ALTER TABLE reports OWNER TO reporting_owner;
