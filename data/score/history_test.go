package score

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/store"
)

// A file that holds no scheme — null, {}, nothing, trailing text, a list — never replaces a stored one.
func TestEmptySchemesRefused(t *testing.T) {
	s, id := workspace(t)
	ctx := context.Background()
	if err := SetScheme(ctx, s, id, fixture().Scheme); err != nil {
		t.Fatal(err)
	}
	before, _, _ := SchemeOf(ctx, s, id)
	good := string(fixture().Scheme.JSON())
	for _, c := range []struct{ file, want string }{
		{"null", "null"},
		{"  null\n", "null"},
		{"{}", "没有任何指标"},
		{`{"name":"空方案","dimensions":{}}`, "没有任何指标"},
		{"", "空的"},
		{"[]", "应以 { 开头"},
		{good + "garbage", "多余的内容"},
		{good + good, "多余的内容"},
		{"\xef\xbb\xbf" + good + "\n}", "多余的内容"},
	} {
		sc, err := ParseSchemeFile([]byte(c.file))
		if err == nil {
			_, err = SaveScheme(ctx, s, id, sc, "test.json")
		}
		var ie *data.InputError
		if err == nil || !strings.Contains(err.Error(), c.want) || !errorsAs(err, &ie) {
			t.Errorf("%.30q: %v, want a refusal with %q", c.file, err, c.want)
		}
	}
	after, _, _ := SchemeOf(ctx, s, id)
	if string(after.JSON()) != string(before.JSON()) {
		t.Error("a refused file changed the stored scheme")
	}
	if h, _ := SchemeHistory(ctx, s, id); len(h) != 1 {
		t.Errorf("history = %+v, want the one version", h)
	}
}

func errorsAs(err error, ie **data.InputError) bool {
	for e := err; e != nil; {
		if x, ok := e.(*data.InputError); ok {
			*ie = x
			return true
		}
		u, ok := e.(interface{ Unwrap() error })
		if !ok {
			return false
		}
		e = u.Unwrap()
	}
	return false
}

// zipOf builds a zip with the given entries, in order.
func zipOf(t *testing.T, entries ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(entries); i += 2 {
		w, err := zw.Create(entries[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, entries[i+1])
	}
	zw.Close()
	return buf.Bytes()
}

// ole is the start of a Compound File whose directory names the given streams.
func ole(streams ...string) []byte {
	b := append([]byte{}, oleMagic...)
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		b = append(b, utf16le(s)...)
		b = append(b, make([]byte, 64)...)
	}
	return b
}

// Each kind of file gets a true message, decided by its content whatever its name.
func TestSchemeFileKinds(t *testing.T) {
	for _, c := range []struct {
		name string
		b    []byte
		want string
	}{
		{"xls", ole("Root Entry", "Workbook", "\x05SummaryInformation"), "Excel 97-2003"},
		{"encrypted", ole("Root Entry", "EncryptionInfo", "EncryptedPackage"), "打开密码"},
		{"ods", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"), ".ods"},
		{"odt", zipOf(t, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<x/>"), "OpenDocument 文档"},
		{"docx", zipOf(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"), "Word"},
		{"zip", zipOf(t, "readme.txt", "hello"), "不是 xlsx"},
		{"truncated", zipOf(t, "xl/workbook.xml", "<workbook/>")[:40], "损坏"},
		{"csv", []byte("维度,指标\n执行过程,便捷\n"), "应以 { 开头"},
	} {
		_, err := ParseSchemeFile(c.b)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "JSON 格式有误") {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
		if _, err2 := ParseSchemeXLSX(bytes.NewReader(c.b)); c.name != "csv" && (err2 == nil || err2.Error() != err.Error()) {
			t.Errorf("%s: ParseSchemeXLSX says %v, ParseSchemeFile %v", c.name, err2, err)
		}
	}
}

// rezip copies an xlsx, replacing (or, with a nil value, dropping) the named parts.
func rezip(t *testing.T, b []byte, parts map[string][]byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		body, ok := parts[f.Name]
		if ok && body == nil {
			continue
		}
		if !ok {
			rc, _ := f.Open()
			body, _ = io.ReadAll(rc)
			rc.Close()
		}
		w, _ := zw.Create(f.Name)
		w.Write(body)
	}
	zw.Close()
	return buf.Bytes()
}

func part(t *testing.T, b []byte, name string) []byte {
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			body, _ := io.ReadAll(rc)
			return body
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}

// A template whose cell texts cannot be read is refused, naming the part; it never reads as empty cells.
func TestSchemeXLSXUnreadablePartsRefused(t *testing.T) {
	var buf bytes.Buffer
	if err := fixture().Scheme.WriteXLSX(&buf); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	if sc, err := ParseSchemeFile(good); err != nil || sc.Indicators() == 0 {
		t.Fatalf("good template: %v", err)
	}
	ss := part(t, good, "xl/sharedStrings.xml")
	decl := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`)
	body := bytes.TrimPrefix(bytes.TrimSpace(ss), decl)
	for _, c := range []struct {
		name  string
		parts map[string][]byte
		want  string
	}{
		{"doctype", map[string][]byte{"xl/sharedStrings.xml": append(append(append([]byte{}, decl...), `<!DOCTYPE sst [<!ENTITY x "y">]>`...), body...)}, "DOCTYPE"},
		{"utf8", map[string][]byte{"xl/sharedStrings.xml": bytes.Replace(ss, []byte("执行过程"), []byte("\xff\xfe\xfd"), 1)}, "UTF-8"},
		{"missing", map[string][]byte{"xl/sharedStrings.xml": nil}, "缺少"},
		{"short", map[string][]byte{"xl/sharedStrings.xml": []byte(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>项目</t></si></sst>`)}, "只有 1 段文字"},
		{"sheet", map[string][]byte{"xl/worksheets/sheet1.xml": []byte("<worksheet><sheetData><row><c")}, "工作表"},
	} {
		_, err := ParseSchemeFile(rezip(t, good, c.parts))
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "另存为") {
			t.Errorf("%s: %v, want a refusal naming %q", c.name, err, c.want)
		}
	}
}

// Every replaced scheme stays in the history; restoring a version stores it again as the newest, with an
// automatic backup before each replacement.
func TestSchemeHistoryAndRestore(t *testing.T) {
	s, id := workspace(t)
	ctx := context.Background()
	a := fixture().Scheme
	a.Name = "方案甲"
	ch, err := SaveScheme(ctx, s, id, a, "甲.json")
	if err != nil || ch.Version != 1 || ch.Replaced != 0 || ch.Backup != "" {
		t.Fatalf("first save: %+v %v", ch, err)
	}
	b := a.Clone()
	b.Name = "方案乙"
	b.Dimensions.Process.Indicators = b.Dimensions.Process.Indicators[:1]
	ch, err = SaveScheme(ctx, s, id, b, "乙.xlsx")
	if err != nil || ch.Version != 2 || ch.Replaced != 1 || ch.Backup == "" {
		t.Fatalf("replace: %+v %v", ch, err)
	}
	if ch, err := SaveScheme(ctx, s, id, b.Clone(), "again"); err != nil || ch.Version != 0 {
		t.Errorf("saving the same scheme again: %+v %v", ch, err)
	}
	h, err := SchemeHistory(ctx, s, id)
	if err != nil || len(h) != 2 || h[0].Name != "方案甲" || h[0].Source != "甲.json" || h[0].Current || !h[1].Current || h[1].Indicators != h[0].Indicators-1 {
		t.Fatalf("history = %+v %v", h, err)
	}
	ch, err = RestoreScheme(ctx, s, id, 1)
	if err != nil || ch.Version != 3 || ch.Replaced != 2 {
		t.Fatalf("restore: %+v %v", ch, err)
	}
	sc, _, _ := SchemeOf(ctx, s, id)
	if sc.Name != "方案甲" {
		t.Errorf("restored scheme is %q", sc.Name)
	}
	h, _ = SchemeHistory(ctx, s, id)
	if len(h) != 3 || h[2].Source != "恢复第 1 版" || !h[2].Current || h[0].Current {
		t.Errorf("history after restore = %+v", h)
	}
	if bs, _ := store.ListBackups(s.Path); len(bs) != 2 || bs[0].Reason != store.BackupScheme {
		t.Errorf("backups = %+v", bs)
	}
	if _, err := RestoreScheme(ctx, s, id, 9); err == nil || !strings.Contains(err.Error(), "没有第 9 版") {
		t.Errorf("restore of a missing version: %v", err)
	}
	// That the history is append-only is data/store's TestSchemeHistory.
}
