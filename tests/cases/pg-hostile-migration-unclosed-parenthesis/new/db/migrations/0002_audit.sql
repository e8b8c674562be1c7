CREATE TABLE audit (
  id bigserial PRIMARY KEY,
  note text
