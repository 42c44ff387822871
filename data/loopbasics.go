package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Consultation is the public comment period on a draft (公开征求意见).
type Consultation struct {
	PolicyID int64  `json:"policy"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Channel  string `json:"channel"`
	Contact  string `json:"contact"`
}

// SetConsultation records (or replaces) the comment period of a policy.
func (s *Store) SetConsultation(ctx context.Context, c Consultation) error {
	st, err := ParseDate(c.Start)
	if err != nil {
		return err
	}
	en, err := ParseDate(c.End)
	if err != nil {
		return err
	}
	if en.Before(st) {
		return InputErrorf("征求意见截止日期 %s 早于开始日期 %s", c.End, c.Start)
	}
	// A comment period runs days or weeks; one over a year is a mistyped year (2062 for 2026), which
	// would otherwise pass the working-day rule by decades.
	if days := int(en.Sub(st).Hours()/24) + 1; days > 366 {
		return InputErrorf("征求意见期 %s 至 %s 长达 %d 天，请检查年份是否填错（征求意见期不超过一年）", c.Start, c.End, days)
	}
	if _, err := s.Policy(ctx, c.PolicyID); err != nil {
		return err
	}
	_, err = s.DB.ExecContext(ctx, `INSERT INTO consultations (policy_id, start, end, channel, contact) VALUES (?,?,?,?,?)
		ON CONFLICT(policy_id) DO UPDATE SET start=excluded.start, end=excluded.end, channel=excluded.channel, contact=excluded.contact`,
		c.PolicyID, st.Format(DateLayout), en.Format(DateLayout), strings.TrimSpace(c.Channel), strings.TrimSpace(c.Contact))
	if err != nil {
		return fmt.Errorf("set consultation of policy %d: %w", c.PolicyID, err)
	}
	return nil
}

// Consultation returns the comment period of a policy, or ErrNotFound.
func (s *Store) Consultation(ctx context.Context, policyID int64) (Consultation, error) {
	c := Consultation{PolicyID: policyID}
	err := s.DB.QueryRowContext(ctx, `SELECT start, end, channel, contact FROM consultations WHERE policy_id=?`, policyID).
		Scan(&c.Start, &c.End, &c.Channel, &c.Contact)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// Need is one needs-collection activity (需求征集) held before drafting.
type Need struct {
	ID          int64  `json:"id"`
	PolicyID    int64  `json:"policy"`
	Date        string `json:"date"`
	Channel     string `json:"channel"`
	Description string `json:"description"`
	Count       int    `json:"count"` // needs collected
}

// AddNeed records a needs-collection activity.
func (s *Store) AddNeed(ctx context.Context, n Need) (int64, error) {
	if _, err := ParseDate(n.Date); err != nil {
		return 0, err
	}
	if n.Count < 0 {
		return 0, InputErrorf("征集数量不能为负数")
	}
	if _, err := s.Policy(ctx, n.PolicyID); err != nil {
		return 0, err
	}
	res, err := s.DB.ExecContext(ctx, `INSERT INTO needs (policy_id, date, channel, description, count) VALUES (?,?,?,?,?)`,
		n.PolicyID, n.Date, strings.TrimSpace(n.Channel), strings.TrimSpace(n.Description), n.Count)
	if err != nil {
		return 0, fmt.Errorf("add need: %w", err)
	}
	return res.LastInsertId()
}

// Needs lists a policy's needs-collection activities by date.
func (s *Store) Needs(ctx context.Context, policyID int64) ([]Need, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, policy_id, date, channel, description, count FROM needs WHERE policy_id=? ORDER BY date, id`, policyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Need{}
	for rows.Next() {
		var n Need
		if err := rows.Scan(&n.ID, &n.PolicyID, &n.Date, &n.Channel, &n.Description, &n.Count); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// DeleteNeed removes a needs-collection activity.
func (s *Store) DeleteNeed(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM needs WHERE id=?`, id)
	return err
}

// Meeting is an executive meeting (政府常务会议) attended by public representatives.
type Meeting struct {
	ID    int64  `json:"id"`
	Date  string `json:"date"`
	Title string `json:"title"`
	Reps  int    `json:"reps"` // public representatives attending
}

// AddMeeting records an executive meeting.
func (s *Store) AddMeeting(ctx context.Context, m Meeting) (int64, error) {
	if _, err := ParseDate(m.Date); err != nil {
		return 0, err
	}
	if m.Reps < 0 || m.Reps > 10000 {
		return 0, InputErrorf("列席公众代表人数 %d 不合理", m.Reps)
	}
	res, err := s.DB.ExecContext(ctx, `INSERT INTO meetings (date, title, reps) VALUES (?,?,?)`, m.Date, strings.TrimSpace(m.Title), m.Reps)
	if err != nil {
		return 0, fmt.Errorf("add meeting: %w", err)
	}
	return res.LastInsertId()
}

// Meetings lists executive meetings; year 0 lists all, otherwise those held in that year.
func (s *Store) Meetings(ctx context.Context, year int) ([]Meeting, error) {
	q, args := `SELECT id, date, title, reps FROM meetings`, []any{}
	if year != 0 {
		q += ` WHERE substr(date,1,4)=?`
		args = append(args, fmt.Sprintf("%04d", year))
	}
	rows, err := s.DB.QueryContext(ctx, q+` ORDER BY date, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Meeting{}
	for rows.Next() {
		var m Meeting
		if err := rows.Scan(&m.ID, &m.Date, &m.Title, &m.Reps); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// DeleteMeeting removes a meeting.
func (s *Store) DeleteMeeting(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM meetings WHERE id=?`, id)
	return err
}

// Officer is a 政策体验官 on a policy's roster.
type Officer struct {
	ID       int64  `json:"id"`
	PolicyID int64  `json:"policy"`
	Name     string `json:"name"`
}

// AddOfficer adds a 体验官 to a policy's roster; adding a name twice is refused.
func (s *Store) AddOfficer(ctx context.Context, policyID int64, name string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 100 {
		return 0, InputErrorf("体验官姓名不能为空且不超过 100 字")
	}
	if _, err := s.Policy(ctx, policyID); err != nil {
		return 0, err
	}
	res, err := s.DB.ExecContext(ctx, `INSERT INTO officers (policy_id, name) VALUES (?,?)`, policyID, name)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, InputErrorf("体验官 %q 已在名单中", name)
		}
		return 0, fmt.Errorf("add officer: %w", err)
	}
	return res.LastInsertId()
}

// Officers lists a policy's 体验官 roster.
func (s *Store) Officers(ctx context.Context, policyID int64) ([]Officer, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, policy_id, name FROM officers WHERE policy_id=? ORDER BY id`, policyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Officer{}
	for rows.Next() {
		var o Officer
		if err := rows.Scan(&o.ID, &o.PolicyID, &o.Name); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// DeleteOfficer removes a 体验官 from the roster.
func (s *Store) DeleteOfficer(ctx context.Context, id int64) error {
	_, err := s.DB.ExecContext(ctx, `DELETE FROM officers WHERE id=?`, id)
	return err
}

// Round is one evaluation campaign of a policy (评价轮次).
type Round struct {
	ID       int64  `json:"id"`
	PolicyID int64  `json:"policy"`
	Name     string `json:"name"`
}

// DefaultRound is the round name used when none was ever named.
const DefaultRound = "默认"

// EnsureRound returns the round of that name, creating it on first use, inside tx.
func EnsureRound(ctx context.Context, tx *sql.Tx, policyID int64, name string) (Round, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultRound
	}
	if len([]rune(name)) > 100 {
		return Round{}, InputErrorf("轮次名称过长（最多 100 字）")
	}
	r := Round{PolicyID: policyID, Name: name}
	err := tx.QueryRowContext(ctx, `SELECT id FROM rounds WHERE policy_id=? AND name=?`, policyID, name).Scan(&r.ID)
	if errors.Is(err, sql.ErrNoRows) {
		res, err := tx.ExecContext(ctx, `INSERT INTO rounds (policy_id, name) VALUES (?,?)`, policyID, name)
		if err != nil {
			return r, fmt.Errorf("create round %q: %w", name, err)
		}
		r.ID, err = res.LastInsertId()
		return r, err
	}
	return r, err
}

// Rounds lists a policy's rounds, oldest first.
func (s *Store) Rounds(ctx context.Context, policyID int64) ([]Round, error) {
	rows, err := s.DB.QueryContext(ctx, `SELECT id, policy_id, name FROM rounds WHERE policy_id=? ORDER BY id`, policyID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Round{}
	for rows.Next() {
		var r Round
		if err := rows.Scan(&r.ID, &r.PolicyID, &r.Name); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ResolveRound finds the named round of a policy; an empty name means the latest round
// (and "默认" when the policy has none yet). A named round that does not exist is ErrNotFound.
func (s *Store) ResolveRound(ctx context.Context, policyID int64, name string) (Round, error) {
	if _, err := s.Policy(ctx, policyID); err != nil {
		return Round{}, err
	}
	rs, err := s.Rounds(ctx, policyID)
	if err != nil {
		return Round{}, err
	}
	if strings.TrimSpace(name) == "" {
		if len(rs) == 0 {
			return Round{PolicyID: policyID, Name: DefaultRound}, &InputError{Msg: fmt.Sprintf("政策 %d 尚无评价轮次，请先导入问卷", policyID), Err: ErrNotFound}
		}
		return rs[len(rs)-1], nil
	}
	for _, r := range rs {
		if r.Name == strings.TrimSpace(name) {
			return r, nil
		}
	}
	return Round{PolicyID: policyID, Name: name}, &InputError{Msg: fmt.Sprintf("政策 %d 没有名为 %q 的评价轮次", policyID, name), Err: ErrNotFound}
}
