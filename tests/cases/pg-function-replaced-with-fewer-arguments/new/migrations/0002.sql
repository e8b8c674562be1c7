DROP FUNCTION normalize_email(text, boolean);
CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;
