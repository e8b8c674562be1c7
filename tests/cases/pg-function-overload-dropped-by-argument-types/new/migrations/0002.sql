DROP FUNCTION norm_email(text, boolean);
CREATE FUNCTION norm_email(e integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT e::text $$;
DROP FUNCTION slug(text);
CREATE FUNCTION slug(t text, sep text DEFAULT '-') RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT replace(lower(t), ' ', sep) $$;
