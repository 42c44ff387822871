package app

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/ingest"
)

// The status line shows the latest text work reports, and 取消 is not overwritten by later reports.
func TestRunLongStatus(t *testing.T) {
	u := newTestUI(t)
	u.inline = false
	started := make(chan struct{})
	done := make(chan error, 1)
	u.RunLongStatus("测试", func(ctx context.Context, progress func(done, total int), status func(string)) error {
		status("已读取 5 行")
		status("已读取 10 行")
		close(started)
		<-ctx.Done()
		status("已读取 20 行")
		return ctx.Err()
	}, func(err error) { done <- err })
	<-started
	if got := u.longStatus.Text; got != "已读取 10 行" {
		t.Errorf("status line = %q, want the latest report", got)
	}
	test.Tap(u.longCancel)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("取消 did not stop the work")
	}
	if got := u.longStatus.Text; got != lang.L("Cancelling…") {
		t.Errorf("after 取消 the status line = %q", got)
	}
}

// Once progress is known the spinner gives way to the bar, and its animation stops: a hidden spinner
// still animating redrew the window 60 times a second for as long as the app ran (100% of a core).
func TestRunLongStopsSpinner(t *testing.T) {
	u := newTestUI(t)
	u.inline = false
	done := make(chan error, 1)
	u.RunLong("测试", func(ctx context.Context, progress func(done, total int)) error {
		progress(1, 10)
		return nil
	}, func(err error) { done <- err })
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("work did not finish")
	}
	// The renderer's own flag: the widget's Running() already says false once it is hidden.
	animating := reflect.ValueOf(test.WidgetRenderer(u.longSpin)).Elem().FieldByName("wasRunning")
	if !animating.IsValid() {
		t.Fatal("Fyne's infinite progress renderer changed: check that RunLongStatus still stops the spinner's animation")
	}
	if animating.Bool() {
		t.Error("the spinner is hidden but its animation still runs")
	}
}

// The survey wizard's import reports rows read and rows/s in the progress dialog.
func TestSurveyImportStatus(t *testing.T) {
	u := newTestUI(t)
	pid := addPolicy(t, u, data.Policy{Title: "关于优化营商环境的若干措施"})
	done := make(chan ingest.Summary, 1)
	w := newSurveyWizard(u, pid, "", func(s ingest.Summary) { done <- s })
	w.setPath("../data/ingest/testdata/wjx_code.xlsx") // previewed inline
	u.inline = false
	w.onImport()
	select {
	case s := <-done:
		if s.Imported != 4 {
			t.Errorf("imported %d", s.Imported)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("import did not finish (error %q)", u.lastError)
	}
	if got := u.longStatus.Text; !strings.HasPrefix(got, "已读取 ") || !strings.Contains(got, "每秒") {
		t.Errorf("status line = %q, want rows read and rows/s", got)
	}
}
