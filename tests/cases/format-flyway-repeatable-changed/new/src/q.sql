SELECT name, email FROM user_directory;
