SELECT id FORM accounts;
