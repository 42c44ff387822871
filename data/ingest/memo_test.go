package ingest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongping/gongping/data/sheet"
)

// transcript parses every row of s and writes down everything the parser decides: per row the
// metadata, slots and ids or the error, then statistics, layout, warnings and metadata columns.
// remember=false turns the columns' memo off (as if its byte budget were spent).
func transcript(t *testing.T, s *session, remember bool) (string, int) {
	t.Helper()
	defer s.Close()
	p := s.p
	if !remember {
		p.memoBytes = memoMaxBytes
	}
	var b strings.Builder
	for {
		num, cells, keys, ok := s.next()
		if !ok {
			break
		}
		m, slots, skip, err := p.parseRow(num, cells, keys)
		fmt.Fprintf(&b, "%d skip=%v err=%v %+v %q\n", num, skip, err, m, slots)
		if err != nil {
			break
		}
	}
	for k, st := range p.stats {
		plain := *st
		plain.seps = nil
		fmt.Fprintf(&b, "slot %d %+v\n", k, plain)
		for _, sep := range altSeps {
			if ss := st.seps[sep]; ss != nil {
				fmt.Fprintf(&b, "  sep %q %+v\n", sep, *ss)
			}
		}
	}
	layout, _ := json.Marshal(p.finish())
	fmt.Fprintf(&b, "%s\n%q\n%+v\n", layout, p.warnings(), p.metaColumns())
	remembered := 0
	for _, c := range p.cols {
		remembered += len(c.memo)
	}
	return b.String(), remembered
}

// TestMemoChangesNothing: remembering what repeated cell texts become gives exactly what parsing every
// cell afresh gives, for every sample export in every format and for rows built to repeat tricky cells.
func TestMemoChangesNothing(t *testing.T) {
	check := func(name string, open func() (*session, error)) int {
		t.Helper()
		s1, err1 := open()
		s2, err2 := open()
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("%s: open %v / %v", name, err1, err2)
		}
		if err1 != nil {
			return 0
		}
		with, n := transcript(t, s1, true)
		without, _ := transcript(t, s2, false)
		if with != without {
			t.Errorf("%s: memo changes the result\nwith:\n%s\nwithout:\n%s", name, with, without)
		}
		return n
	}
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
	if err != nil || len(files) < 10 {
		t.Fatalf("testdata: %v, %d files", err, len(files))
	}
	for _, path := range files {
		for _, f := range append([]Format{Auto}, Formats...) {
			check(filepath.Base(path)+"/"+string(f), func() (*session, error) { return openSession(path, f, sheet.Limits{}) })
		}
	}

	// Repeated cells that clean, split or count differently: padding, no-answer markers, Excel errors,
	// other-texts, ranking arrows, LimeSurvey's -oth-, 问卷星 code -2/-3.
	values := []string{"满意", " 满意 ", "满意\t", "(跳过)", "（空）", "#N/A", "#DIV/0!", "A〖自填〗", "〖只有文本〗",
		"A┋B〖x〗┋C", "A→B→C", "-oth-", "-2", "-3", "1", "0", "2", "Y", "N", "是", "a,b", "a;b", "", "3.5", "1e3"}
	rng := rand.New(rand.NewPCG(7, 7))
	headers := map[Format][]string{
		WJXText:    {"序号", "提交答卷时间", "1、满意度", "2、渠道", "3、(A)", "3、(B)", "3、(C)"},
		WJXCode:    {"序号", "提交答卷时间", "1、满意度", "2、渠道", "3、(A)", "3、(B)", "3、(C)"},
		Tencent:    {"编号", "开始答题时间", "结束答题时间", "1.满意度", "2.渠道:网站", "2.渠道:APP"},
		LimeSurvey: {"id", "submitdate", "lastpage", "startlanguage", "Q1", "Q2[SQ001]", "Q2[SQ002]", "Q2[other]"},
		Jinshuju:   {"序号", "填写时间", "满意度", "渠道"},
		Generic:    {"满意度", "渠道", "建议"},
	}
	// Comments: a column that fills its memo with texts seen once stops looking texts up; repeats of
	// early texts after that must still count the same.
	comments := [][]string{{"建议", "满意度"}}
	for i := 0; i < 3000; i++ {
		comments = append(comments, []string{fmt.Sprintf("意见%d", i%1500), values[i%5]})
	}
	check("comments", func() (*session, error) { return startSession(&rowsReader{rows: comments}, "mem.csv", Generic) })
	for f, header := range headers {
		rows := [][]string{header}
		for i := 0; i < 400; i++ {
			row := make([]string, len(header))
			for k := range row {
				row[k] = values[rng.IntN(len(values))]
			}
			if f != Generic {
				row[0], row[1] = fmt.Sprint(i+1), "2026-11-01 10:00:00"
			}
			if f == Tencent {
				row[2] = "2026-11-01 10:05:00"
			}
			rows = append(rows, row)
		}
		n := check("random/"+string(f), func() (*session, error) {
			return startSession(&rowsReader{rows: rows}, "mem.csv", f)
		})
		if n == 0 {
			t.Errorf("random/%s: no cell text was remembered", f)
		}
	}
}
