package store

const userByID = `SELECT id, name, avatar_url FROM users WHERE id = ?`

func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	row := s.db.QueryRowContext(ctx, userByID, id)
	return scanUser(row)
}
