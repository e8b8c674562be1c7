DROP FUNCTION slug(text);
CREATE FUNCTION slug(t text, sep text DEFAULT '-') RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT replace(lower(t), ' ', sep) $$;
