CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE FUNCTION normalize_email(e text, strict boolean DEFAULT false) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(trim(e)) $$;
