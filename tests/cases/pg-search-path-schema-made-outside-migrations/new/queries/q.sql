SELECT email FROM app.users;
