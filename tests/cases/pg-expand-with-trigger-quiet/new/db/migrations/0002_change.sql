ALTER TABLE accounts ADD COLUMN full_name text;
CREATE FUNCTION sync_full_name() RETURNS trigger AS $$
BEGIN NEW.full_name := coalesce(NEW.full_name, NEW.display_name); RETURN NEW; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accounts_sync BEFORE INSERT OR UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION sync_full_name();
UPDATE accounts SET full_name = display_name WHERE full_name IS NULL;
