package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/gongping/gongping/data"
)

// SetConsultation records (or replaces) the comment period of a policy.
func (s *Store) SetConsultation(ctx context.Context, c data.Consultation) error {
	if err := c.Validate(); err != nil {
		return err
	}
	if _, err := s.Policy(ctx, c.PolicyID); err != nil {
		return err
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO consultations (policy_id, start, end, channel, contact) VALUES (?,?,?,?,?)
		ON CONFLICT(policy_id) DO UPDATE SET start=excluded.start, end=excluded.end, channel=excluded.channel, contact=excluded.contact`,
		c.PolicyID, c.Start, c.End, c.Channel, c.Contact)
	if err != nil {
		return fmt.Errorf("set consultation of policy %d: %w", c.PolicyID, err)
	}
	return nil
}

// Consultation returns the comment period of a policy, or ErrNotFound.
func (s *Store) Consultation(ctx context.Context, policyID int64) (data.Consultation, error) {
	c := data.Consultation{PolicyID: policyID}
	err := s.db.QueryRowContext(ctx, `SELECT start, end, channel, contact FROM consultations WHERE policy_id=?`, policyID).
		Scan(&c.Start, &c.End, &c.Channel, &c.Contact)
	if errors.Is(err, sql.ErrNoRows) {
		return c, data.ErrNotFound
	}
	return c, err
}

// AddNeed records a needs-collection activity.
func (s *Store) AddNeed(ctx context.Context, n data.Need) (int64, error) {
	if err := n.Validate(); err != nil {
		return 0, err
	}
	if _, err := s.Policy(ctx, n.PolicyID); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO needs (policy_id, date, channel, description, count) VALUES (?,?,?,?,?)`,
		n.PolicyID, n.Date, n.Channel, n.Description, n.Count)
	if err != nil {
		return 0, fmt.Errorf("add need: %w", err)
	}
	return res.LastInsertId()
}

// Needs lists a policy's needs-collection activities by date.
func (s *Store) Needs(ctx context.Context, policyID int64) ([]data.Need, error) {
	return queryAll(ctx, s.db, func(rows *sql.Rows, n *data.Need) error {
		return rows.Scan(&n.ID, &n.PolicyID, &n.Date, &n.Channel, &n.Description, &n.Count)
	}, `SELECT id, policy_id, date, channel, description, count FROM needs WHERE policy_id=? ORDER BY date, id`, policyID)
}

// DeleteNeed removes a needs-collection activity.
func (s *Store) DeleteNeed(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM needs WHERE id=?`, id)
	return err
}

// AddMeeting records an executive meeting.
func (s *Store) AddMeeting(ctx context.Context, m data.Meeting) (int64, error) {
	if err := m.Validate(); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO meetings (date, title, reps) VALUES (?,?,?)`, m.Date, m.Title, m.Reps)
	if err != nil {
		return 0, fmt.Errorf("add meeting: %w", err)
	}
	return res.LastInsertId()
}

// Meetings lists executive meetings; year 0 lists all, otherwise those held in that year.
func (s *Store) Meetings(ctx context.Context, year int) ([]data.Meeting, error) {
	q, args := `SELECT id, date, title, reps FROM meetings`, []any{}
	if year != 0 {
		q += ` WHERE substr(date,1,4)=?`
		args = append(args, fmt.Sprintf("%04d", year))
	}
	return queryAll(ctx, s.db, func(rows *sql.Rows, m *data.Meeting) error {
		return rows.Scan(&m.ID, &m.Date, &m.Title, &m.Reps)
	}, q+` ORDER BY date, id`, args...)
}

// DeleteMeeting removes a meeting.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM meetings WHERE id=?`, id)
	return err
}

// AddOfficer adds a 体验官 to a policy's roster; adding a name twice is refused.
func (s *Store) AddOfficer(ctx context.Context, policyID int64, name string) (int64, error) {
	name, err := data.OfficerName(name)
	if err != nil {
		return 0, err
	}
	if _, err := s.Policy(ctx, policyID); err != nil {
		return 0, err
	}
	res, err := s.db.ExecContext(ctx, `INSERT INTO officers (policy_id, name) VALUES (?,?)`, policyID, name)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, data.InputErrorf("体验官 %q 已在名单中", name)
		}
		return 0, fmt.Errorf("add officer: %w", err)
	}
	return res.LastInsertId()
}

// Officers lists a policy's 体验官 roster.
func (s *Store) Officers(ctx context.Context, policyID int64) ([]data.Officer, error) {
	return queryAll(ctx, s.db, func(rows *sql.Rows, o *data.Officer) error {
		return rows.Scan(&o.ID, &o.PolicyID, &o.Name)
	}, `SELECT id, policy_id, name FROM officers WHERE policy_id=? ORDER BY id`, policyID)
}

// DeleteOfficer removes a 体验官 from the roster.
func (s *Store) DeleteOfficer(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM officers WHERE id=?`, id)
	return err
}
