SELECT email AS e, count(*) AS n FROM accounts GROUP BY e ORDER BY n DESC;
