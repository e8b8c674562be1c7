CREATE FUNCTION norm_email(e text, strict boolean DEFAULT false) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;
CREATE FUNCTION slug(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT replace(lower(t), ' ', '-') $$;
