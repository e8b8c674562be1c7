CREATE TABLE tasks (id bigserial PRIMARY KEY, title text NOT NULL, done boolean NOT NULL DEFAULT false, due_at timestamptz);
