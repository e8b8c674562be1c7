-- +goose Up
-- +goose StatementBegin
ALTER TABLE users DROP COLUMN nickname;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN NEW.email := lower(NEW.email); RETURN NEW; END; $$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE users ADD COLUMN nickname text;
DROP TABLE users;
