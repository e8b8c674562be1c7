CREATE OR REPLACE FUNCTION normalize_email(e text, strict boolean DEFAULT false) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;
DROP FUNCTION IF EXISTS uuid_generate_v7();
