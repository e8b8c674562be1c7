ALTER TABLE events ADD COLUMN source text NOT NULL DEFAULT 'api';
ALTER TABLE events ADD COLUMN seen_at timestamptz DEFAULT now();
