-- oops
ALTER TABLE accounts ADD COLUM region text;
