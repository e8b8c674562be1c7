CREATE TABLE countries (code text PRIMARY KEY);
