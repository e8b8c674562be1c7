-- part --
-- part --
SELECT $99999999999;
