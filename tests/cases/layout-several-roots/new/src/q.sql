SELECT p.title, a.project_limit FROM projects p JOIN accounts a ON a.id = p.account_id;
