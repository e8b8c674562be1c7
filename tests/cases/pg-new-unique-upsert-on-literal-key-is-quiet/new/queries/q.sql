INSERT INTO accounts (email, name) VALUES ('c@x', 'C') ON CONFLICT (email) DO UPDATE SET name = excluded.name;
