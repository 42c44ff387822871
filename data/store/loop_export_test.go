package store

// ExecForTest runs one statement on the workspace's own handle, for the tests (package store_test) of
// the schema's guards: the triggers that refuse to change what was published.
func ExecForTest(s *Store, query string, args ...any) error {
	_, err := s.db.Exec(query, args...)
	return err
}
