CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.created_at := now(); -- a ; inside the body
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
DO $$ BEGIN EXECUTE 'ALTER TABLE accounts ADD COLUMN x int'; END $$;
