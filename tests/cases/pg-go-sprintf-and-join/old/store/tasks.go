package store

import (
	"fmt"
	"strings"
)

const taskTable = "tasks"

var taskColumns = strings.Join([]string{"id", "title", "due_at"}, ", ")

func (s *Store) Due(ctx context.Context, limit int) ([]Task, error) {
	q := fmt.Sprintf("SELECT %s FROM %s WHERE done = false ORDER BY due_at LIMIT %d", taskColumns, taskTable, limit)
	return s.query(ctx, q)
}

func (s *Store) Sorted(ctx context.Context, order string) ([]Task, error) {
	q := fmt.Sprintf("SELECT id FROM tasks ORDER BY %s", order)
	return s.query(ctx, q)
}
