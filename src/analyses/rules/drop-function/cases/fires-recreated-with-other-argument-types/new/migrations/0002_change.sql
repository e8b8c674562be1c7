DROP FUNCTION slug(text);
CREATE FUNCTION slug(t integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT t::text $$;
