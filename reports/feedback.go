package reports

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/loop"
	"github.com/gongping/gongping/data/privacy"
	"github.com/gongping/gongping/data/store"
	"github.com/gongping/gongping/reports/doc"
	"github.com/gongping/gongping/reports/dochtml"
	"github.com/gongping/gongping/reports/docx"
)

// NoticeName is the file name, without extension, of the adoption-feedback notice (采纳情况说明):
// NoticeName+".html" and NoticeName+".docx".
const NoticeName = "采纳情况说明"

// noticeTitleEnd ends the notice's title: 关于《…》公开征求意见采纳情况的说明.
const noticeTitleEnd = "公开征求意见采纳情况的说明"

// NoticeInput is everything the adoption-feedback notice is made from, as read from the store; tests
// build one by hand.
type NoticeInput struct {
	Policy       data.Policy
	Consultation *data.Consultation // nil when not recorded
	// Feedback is the published feedback (the latest version), or for a draft the decisions as
	// they stand, in the same form.
	Feedback data.FeedbackSnapshot
	Draft    bool      // not yet published: built from the current decisions
	Date     time.Time // the 落款 date: the publication's date, today for a draft
	// Submitters is how many people and bodies the opinions came from: distinct submitters when
	// every opinion names one; 0 when that is not known. The notice states it from 2 up.
	Submitters int
	Members    map[int64][]int64 // cluster → its opinions
	Revisions  []data.Revision   // current revision records that may be cited (dated by Date)
	Names      []string          // names to mask wherever they appear: the submitters, 体验官
}

// Notice is the adoption-feedback notice, ready to be written.
type Notice struct {
	Document *doc.Document
	Draft    bool   // built from the current decisions: the feedback is not yet published
	Date     string // the 落款 date, YYYY-MM-DD
	Version  int    // the feedback publication it shows; 0 for a draft
	// Later is how many revision records answering its opinions are dated after the publication: a
	// published notice cannot name them.
	Later  int
	Masked privacy.Counts
}

// NoticeFiles are the paths WriteNotice wrote, and the notice.
type NoticeFiles struct {
	HTML, DOCX string
	Notice     *Notice
}

// NoticeOptions tune WriteNotice.
type NoticeOptions struct {
	Today time.Time // the 落款 date of a draft; zero = now
}

// WriteNotice writes DIR/采纳情况说明.html and DIR/采纳情况说明.docx: the notice of the published
// feedback (its latest version, from what that publication froze), or while nothing is published a
// draft from the current decisions (Notice.Draft says which).
func WriteNotice(ctx context.Context, s *store.Store, policyID int64, outDir string, opt NoticeOptions) (NoticeFiles, error) {
	n, err := BuildNotice(ctx, s, policyID, opt)
	if err != nil {
		return NoticeFiles{}, err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return NoticeFiles{}, &data.InputError{Msg: fmt.Sprintf("无法创建文件夹 %s：%v", outDir, err), Err: err}
	}
	f := NoticeFiles{HTML: filepath.Join(outDir, NoticeName+".html"), DOCX: filepath.Join(outDir, NoticeName+".docx"), Notice: n}
	if err := writeFile(f.HTML, func(w io.Writer) error { return dochtml.Write(w, n.Document) }); err != nil {
		return NoticeFiles{}, err
	}
	if err := ctx.Err(); err != nil {
		return NoticeFiles{}, err
	}
	if err := writeFile(f.DOCX, func(w io.Writer) error { return docx.Write(w, n.Document) }); err != nil {
		return NoticeFiles{}, err
	}
	return f, nil
}

// BuildNotice reads the notice's input from the store and assembles it (masked).
func BuildNotice(ctx context.Context, s *store.Store, policyID int64, opt NoticeOptions) (*Notice, error) {
	in, version, later, err := LoadNotice(ctx, s, policyID, opt)
	if err != nil {
		return nil, err
	}
	n := AssembleNotice(in)
	n.Version, n.Later = version, later
	return n, nil
}

// LoadNotice reads what the notice is made from: the latest feedback publication's snapshot, or the
// current decisions when there is none. It also returns that publication's version (0 for a draft)
// and how many revision records answering the opinions are dated after it.
func LoadNotice(ctx context.Context, s *store.Store, policyID int64, opt NoticeOptions) (in NoticeInput, version, later int, err error) {
	if in.Policy, err = s.Policy(ctx, policyID); err != nil {
		return in, 0, 0, err
	}
	if c, err := s.Consultation(ctx, policyID); err == nil {
		in.Consultation = &c
	} else if !errors.Is(err, data.ErrNotFound) {
		return in, 0, 0, err
	}
	ops, err := loop.Opinions(ctx, s, policyID)
	if err != nil {
		return in, 0, 0, fmt.Errorf("opinions: %w", err)
	}
	pubs, err := loop.Publications(ctx, s, policyID, loop.WhatFeedback)
	if err != nil {
		return in, 0, 0, fmt.Errorf("feedback publications: %w", err)
	}
	if len(pubs) > 0 {
		pub := pubs[len(pubs)-1]
		if in.Feedback, err = pub.Feedback(); err != nil {
			return in, 0, 0, fmt.Errorf("feedback publication %d: %w", pub.ID, err)
		}
		if in.Date, err = data.ParseDate(pub.Date); err != nil {
			return in, 0, 0, fmt.Errorf("feedback publication %d: %w", pub.ID, err)
		}
		version = pub.Version
	} else {
		in.Draft = true
		in.Date = opt.Today
		if in.Date.IsZero() {
			in.Date = time.Now()
		}
		if in.Feedback, err = draftFeedback(ctx, s, policyID, ops); err != nil {
			return in, 0, 0, err
		}
	}
	in.Members = map[int64][]int64{}
	for _, o := range ops {
		if o.Cluster != nil {
			in.Members[*o.Cluster] = append(in.Members[*o.Cluster], o.ID)
		}
		in.Names = append(in.Names, o.Submitter)
	}
	// The opinions published are the ones there now (published clusters keep their members); the
	// count of submitters is only stated for that same set.
	if len(ops) == in.Feedback.Opinions {
		in.Submitters = submitters(ops)
	}
	officers, err := s.Officers(ctx, policyID)
	if err != nil {
		return in, 0, 0, err
	}
	for _, o := range officers {
		in.Names = append(in.Names, o.Name)
	}
	revs, err := loop.Revisions(ctx, s, policyID)
	if err != nil {
		return in, 0, 0, fmt.Errorf("revision records: %w", err)
	}
	day := in.Date.Format(data.DateLayout)
	for _, r := range revs {
		switch {
		case r.Withdrawn:
		case !in.Draft && r.Date > day:
			if len(r.Clusters) > 0 || len(r.Opinions) > 0 {
				later++
			}
		default:
			in.Revisions = append(in.Revisions, r)
		}
	}
	return in, version, later, nil
}

// draftFeedback is the feedback as it would be published now: every cluster with its decision (none
// while undecided), the opinions decided on their own, and the opinions counted by decision.
func draftFeedback(ctx context.Context, s *store.Store, policyID int64, ops []data.Opinion) (data.FeedbackSnapshot, error) {
	st, err := loop.GetSettings(ctx, s, policyID)
	if err != nil {
		return data.FeedbackSnapshot{}, err
	}
	cs, err := loop.Clusters(ctx, s, policyID)
	if err != nil {
		return data.FeedbackSnapshot{}, fmt.Errorf("opinion clusters: %w", err)
	}
	fs := data.FeedbackSnapshot{Policy: policyID, Opinions: len(ops), ConcentratedMin: st.ConcentratedMin, Counts: map[string]int{}}
	for _, c := range cs {
		pc := data.PublishedCluster{ID: c.ID, Size: c.Size, Concentrated: c.Concentrated, Representative: c.Representative, Clauses: c.Clauses}
		if c.Decision != nil {
			pc.Decision = *c.Decision
		}
		if c.Reason != nil {
			pc.Reason = *c.Reason
		}
		fs.Clusters = append(fs.Clusters, pc)
	}
	for _, o := range ops {
		d := ""
		if o.Decision != nil {
			d = *o.Decision
		}
		fs.Counts[d]++
		if o.OwnDecision && o.Decision != nil {
			po := data.PublishedOpinion{ID: o.ID, Cluster: o.Cluster, Content: o.Content, Clause: o.Clause, Decision: *o.Decision}
			if o.Reason != nil {
				po.Reason = *o.Reason
			}
			fs.Decided = append(fs.Decided, po)
		}
	}
	return fs, nil
}

// anonymous are submitter entries that name nobody.
var anonymous = []string{"匿名", "匿名用户", "网友", "市民", "群众", "公众", "无", "不详", "未署名", "未知", "-", "—", "/"}

// submitters counts the distinct submitters of the opinions, 0 when some opinion names none.
func submitters(ops []data.Opinion) int {
	seen := map[string]bool{}
	for _, o := range ops {
		s := strings.Join(strings.Fields(o.Submitter), " ")
		if s == "" || slices.Contains(anonymous, s) {
			return 0
		}
		seen[s] = true
	}
	return len(seen)
}

// noticeRow is one row of the adoption table before it is written.
type noticeRow struct {
	point, decision, reason string
	changes                 []string
}

// AssembleNotice builds the notice's document. Every stored text passes through the report's one
// door (assembler.t: control characters dropped, links defanged, personal data masked) before it
// is cut short, so a summary never ends in the unmasked half of a phone number.
func AssembleNotice(in NoticeInput) *Notice {
	a := &assembler{m: privacy.NewMasker()}
	for _, n := range in.Names {
		if privacy.LooksLikeName(n) { // a submitter "市民" or "匿名" must not be masked everywhere
			a.m.AddName(n)
		}
	}
	p := in.Policy
	title := oneLine(a.t(p.Title))
	dept := oneLine(a.t(p.Dept))
	draftName := "《" + title + "》"
	if !strings.Contains(title, "征求意见稿") {
		draftName = "《" + title + "（征求意见稿）》"
	}
	fs := in.Feedback

	// The rows: concentrated clusters (largest first), the other decided clusters, then the
	// opinions decided on their own.
	own := map[int64]bool{}
	ownIn := map[int64]int{}
	for _, o := range fs.Decided {
		own[o.ID] = true
		if o.Cluster != nil {
			ownIn[*o.Cluster]++
		}
	}
	var rows []noticeRow
	var themes []string
	clusters := slices.Clone(fs.Clusters)
	slices.SortStableFunc(clusters, func(x, y data.PublishedCluster) int {
		switch {
		case x.Concentrated == y.Concentrated:
			return 0
		case x.Concentrated:
			return -1
		}
		return 1
	})
	for _, c := range clusters {
		n := c.Size - ownIn[c.ID]
		if n <= 0 || !c.Concentrated && c.Decision == "" {
			continue
		}
		rep := a.t(c.Representative)
		clauses := a.t(strings.Join(c.Clauses, "、"))
		r := noticeRow{point: summary(rep, 70), decision: c.Decision, reason: a.t(c.Reason)}
		var note []string
		if n > 1 {
			note = append(note, "同类意见"+strconv.Itoa(n)+"条")
		}
		if clauses != "" {
			note = append(note, "涉及"+clauses)
		}
		if len(note) > 0 {
			r.point += "（" + strings.Join(note, "，") + "）"
		}
		if c.Concentrated {
			themes = append(themes, theme(rep)+"（"+strconv.Itoa(n)+"条）")
		}
		if answered(c.Decision) {
			var ids []int64
			for _, id := range in.Members[c.ID] {
				if !own[id] {
					ids = append(ids, id)
				}
			}
			r.changes = a.changes(in.Revisions, func(rv data.Revision) bool {
				return slices.Contains(rv.Clusters, c.ID) || slices.ContainsFunc(ids, func(id int64) bool { return slices.Contains(rv.Opinions, id) })
			})
		}
		rows = append(rows, r)
	}
	decided := slices.Clone(fs.Decided)
	slices.SortStableFunc(decided, func(x, y data.PublishedOpinion) int { return int(x.ID - y.ID) })
	for _, o := range decided {
		r := noticeRow{point: summary(a.t(o.Content), 70), decision: o.Decision, reason: a.t(o.Reason)}
		if cl := a.t(o.Clause); cl != "" {
			r.point += "（涉及" + cl + "）"
		}
		if answered(o.Decision) {
			r.changes = a.changes(in.Revisions, func(rv data.Revision) bool { return slices.Contains(rv.Opinions, o.ID) })
		}
		rows = append(rows, r)
	}

	var body []doc.Block
	var open strings.Builder
	c := in.Consultation
	period := ""
	if c != nil {
		period = dateRange(c.Start, c.End)
	}
	if period != "" {
		open.WriteString(period + "，")
	}
	open.WriteString(dept)
	if c != nil {
		if ch := oneLine(a.t(c.Channel)); ch != "" {
			open.WriteString("通过" + strings.TrimRight(ch, "。；，、 "))
			if !strings.HasSuffix(ch, "渠道") && !strings.HasSuffix(ch, "等") {
				open.WriteString("等渠道")
			}
			open.WriteString("，")
		}
	}
	open.WriteString("就" + draftName + "向社会公开征求意见。")
	during := "征求意见期间，"
	if c == nil {
		during = ""
	}
	switch {
	case fs.Opinions == 0:
		open.WriteString(during + "未收到意见建议。")
	case in.Submitters > 1: // "1个单位和个人" reads oddly; one submitter is not worth a number
		fmt.Fprintf(&open, "%s共收到%d个单位和个人提出的意见建议%d条", during, in.Submitters, fs.Opinions)
	default:
		fmt.Fprintf(&open, "%s共收到意见建议%d条", during, fs.Opinions)
	}
	if fs.Opinions > 0 {
		switch len(themes) {
		case 0:
			open.WriteString("。")
		case 1:
			open.WriteString("，较为集中的意见是" + themes[0] + "。")
		default:
			open.WriteString("，较为集中的意见主要有以下几个方面：")
			for i, t := range themes {
				if i > 0 {
					open.WriteString("；")
				}
				open.WriteString(cnOrdinal(i) + "是" + t)
			}
			open.WriteString("。")
		}
	}
	body = append(body, doc.Paragraph{Text: open.String()})

	if fs.Opinions > 0 {
		var study strings.Builder
		study.WriteString(dept + "对收到的意见建议逐条进行了认真研究")
		var parts []string
		for _, d := range data.Decisions {
			if n := fs.Counts[d]; n > 0 {
				parts = append(parts, d+strconv.Itoa(n)+"条")
			}
		}
		if len(parts) > 0 {
			study.WriteString("，其中" + strings.Join(parts, "、"))
		}
		if n := fs.Counts[""]; n > 0 {
			fmt.Fprintf(&study, "，另有%d条尚未作出处理意见", n)
		}
		study.WriteString("。")
		changed := slices.ContainsFunc(rows, func(r noticeRow) bool { return len(r.changes) > 0 })
		if len(rows) > 0 {
			study.WriteString("现将意见建议采纳情况及理由说明如下（见表1）")
			if changed {
				study.WriteString("；对采纳和部分采纳的意见建议，文件相应修改的内容一并列于“理由或说明”栏")
			}
			study.WriteString("。")
		}
		body = append(body, doc.Paragraph{Text: study.String()})
	}
	if len(rows) > 0 {
		t := doc.Table{Caption: "意见建议采纳情况", Columns: []doc.Column{
			{Title: "序号", WidthCM: 1.3, Align: doc.AlignCenter},
			{Title: "意见建议（摘要）", WidthCM: 6.2},
			{Title: "采纳情况", WidthCM: 2.1, Align: doc.AlignCenter},
			{Title: "理由或说明"},
		}}
		for i, r := range rows {
			dec := r.decision
			if dec == "" {
				dec = "尚未处理"
			}
			reason := r.reason
			if len(r.changes) > 0 {
				if reason != "" {
					reason += "\n"
				}
				reason += strings.Join(r.changes, "\n")
			}
			t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), r.point, dec, reason})
		}
		body = append(body, t)
	}
	var closing []string
	if c != nil {
		if ct := oneLine(a.t(c.Contact)); ct != "" {
			closing = append(closing, "对本说明如有疑问，可联系"+strings.TrimRight(ct, "。")+"。")
		}
	}
	closing = append(closing, "衷心感谢社会各界对"+dept+"工作的关心和支持！")
	body = append(body, doc.Paragraph{Text: strings.Join(closing, "\n")})

	d := &doc.Document{
		Title:     breakTitle("关于《"+title+"》"+noticeTitleEnd, noticeTitleEnd),
		Blocks:    body,
		Signature: doc.Signature{Issuer: dept, Date: in.Date},
	}
	return &Notice{Document: d, Draft: in.Draft, Date: in.Date.Format(data.DateLayout), Masked: a.c}
}

// answered tells whether a decision changes the text (采纳, 部分采纳).
func answered(decision string) bool {
	return decision == data.Adopted || decision == data.PartlyAdopted
}

// changes describes the revision records that match, each as 已将第N条“修改前”修改为“修改后”, the
// clause texts cut short and their own quotation marks made single (“” → ‘’).
func (a *assembler) changes(revs []data.Revision, match func(data.Revision) bool) []string {
	var out []string
	for _, r := range revs {
		if !match(r) {
			continue
		}
		clause := oneLine(a.t(r.Clause))
		before, after := quoted(summary(a.t(r.Before), 60)), quoted(summary(a.t(r.After), 60))
		switch {
		case before == "" && after == "":
		case before == "":
			out = append(out, "已在"+clause+"中增加“"+after+"”")
		case after == "":
			out = append(out, "已删去"+clause+"“"+before+"”")
		default:
			out = append(out, "已将"+clause+"“"+before+"”修改为“"+after+"”")
		}
	}
	return out
}

// quoted makes a text fit inside “…”: its own double quotation marks become single ones.
var quoted = strings.NewReplacer("“", "‘", "”", "’").Replace

// oneLine folds a text's line breaks and runs of spaces into one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// summary shortens a text to about limit characters: whole sentences while they fit, else the first
// sentence cut at a comma (or hard) and marked with ……; one line.
func summary(s string, limit int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	r := []rune(s)
	end := 0
	for i, c := range r[:limit] {
		if strings.ContainsRune("。！？；!?;", c) {
			end = i + 1
		}
	}
	if end > limit/3 {
		return string(r[:end])
	}
	cut := limit - 2
	for i := cut - 1; i > limit/2; i-- {
		if strings.ContainsRune("，、,：:", r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), "，、,：: ") + "……"
}

// theme is a concentrated cluster's point for the opening paragraph: its first clause, short.
func theme(rep string) string {
	s := oneLine(rep)
	if i := strings.IndexAny(s, "。！？；!?;"); i >= 0 {
		s = s[:i]
	}
	if r := []rune(s); len(r) > 45 {
		cut := 44
		for i := 43; i > 22; i-- {
			if strings.ContainsRune("，、,", r[i]) {
				cut = i
				break
			}
		}
		s = strings.TrimRight(string(r[:cut]), "，、, ") + "等"
	}
	return strings.TrimRight(s, "，、,：: ")
}

// cnOrdinal gives 一, 二, … for 一是、二是.
func cnOrdinal(i int) string {
	ns := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if i < len(ns) {
		return ns[i]
	}
	if i < 19 {
		return "十" + ns[i-10]
	}
	return strconv.Itoa(i + 1)
}

// dateRange writes a period as published notices do: 2026年2月12日至3月13日 (the year once when both
// dates are in it); "" when a date cannot be read.
func dateRange(start, end string) string {
	s, err1 := time.Parse(data.DateLayout, start)
	e, err2 := time.Parse(data.DateLayout, end)
	if err1 != nil || err2 != nil {
		return ""
	}
	if s.Year() == e.Year() {
		return doc.FormatDate(s) + "至" + fmt.Sprintf("%d月%d日", int(e.Month()), e.Day())
	}
	return doc.FormatDate(s) + "至" + doc.FormatDate(e)
}
