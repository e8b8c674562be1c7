CREATE TRIGGER users_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(email) WHERE id = NEW.id; END;
--> statement-breakpoint
ALTER TABLE users DROP COLUMN nickname;
