-- A recursive CTE without an end: bounded by --statement-timeout, never a hang.
CREATE TABLE numbers AS
  WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)
  SELECT count(*) AS n FROM c;
