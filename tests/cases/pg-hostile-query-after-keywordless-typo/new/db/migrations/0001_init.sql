CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  display_name text,
  plan text NOT NULL DEFAULT 'free',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_key ON accounts (email);

CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts (id),
  total_cents bigint NOT NULL,
  note text
);
