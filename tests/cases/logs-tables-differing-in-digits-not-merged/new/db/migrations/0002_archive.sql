-- 2023 is archived elsewhere now
DROP TABLE events_2023;
