-- tidy up
DROP TABLE orders;
