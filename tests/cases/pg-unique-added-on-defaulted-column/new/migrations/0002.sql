ALTER TABLE accounts ADD CONSTRAINT accounts_score_key UNIQUE (score);
