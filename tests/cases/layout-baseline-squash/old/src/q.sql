SELECT m.email, m.role, t.slug FROM members m JOIN teams t ON t.id = m.team_id;
