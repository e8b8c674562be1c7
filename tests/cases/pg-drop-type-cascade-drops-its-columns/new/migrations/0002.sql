DROP TYPE mood CASCADE;
ALTER DOMAIN email_address RENAME TO email;
