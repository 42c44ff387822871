package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf16"

	_ "modernc.org/sqlite"
)

// demoWorkspace fills a new workspace with the bundled sample (policy 1, its evaluation published).
func demoWorkspace(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.gpw")
	if code, _, errs := gp(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	return db
}

func composite(t *testing.T, db string) string {
	t.Helper()
	_, out, _ := gp(t, "score", "--db", db, "--policy", "1")
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "综合得分") {
			return l
		}
	}
	t.Fatalf("no composite in %s", out)
	return ""
}

// rezipFile copies the xlsx at src to dst, replacing (nil: dropping) the named parts.
func rezipFile(t *testing.T, src, dst string, parts map[string][]byte) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
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
	os.WriteFile(dst, buf.Bytes(), 0o644)
}

func oleFile(streams ...string) []byte {
	b := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	b = append(b, make([]byte, 504)...)
	for _, s := range streams {
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		b = append(b, make([]byte, 64)...)
	}
	return b
}

// `scheme set` never stores an empty scheme: a file holding null or {}, trailing text, an xlsx whose cell
// texts cannot be read, an .xls, an encrypted workbook or an .ods is refused with a true Chinese message,
// and the scheme and the scores stay as they were.
func TestCLISchemeCannotBeWiped(t *testing.T) {
	db := demoWorkspace(t)
	dir := filepath.Dir(db)
	before := composite(t, db)
	_, scheme, _ := gp(t, "scheme", "get", "--db", db, "--policy", "1")
	tmpl := filepath.Join(dir, "template.xlsx")
	if code, _, errs := gp(t, "scheme", "get", "--db", db, "--policy", "1", "--out", tmpl); code != 0 {
		t.Fatal(errs)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("mimetype")
	io.WriteString(w, "application/vnd.oasis.opendocument.spreadsheet")
	w, _ = zw.Create("content.xml")
	io.WriteString(w, "<office:document-content/>")
	zw.Close()
	doctype := filepath.Join(dir, "doctype.xlsx")
	rezipFile(t, tmpl, doctype, map[string][]byte{"xl/sharedStrings.xml": []byte(`<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "b">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>项目</t></si></sst>`)})
	badUTF8 := filepath.Join(dir, "utf8.xlsx")
	rezipFile(t, tmpl, badUTF8, map[string][]byte{"xl/sharedStrings.xml": []byte("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>\xff\xfe</t></si></sst>")})
	missing := filepath.Join(dir, "missing.xlsx")
	rezipFile(t, tmpl, missing, map[string][]byte{"xl/sharedStrings.xml": nil})

	for _, c := range []struct {
		file, want string
	}{
		{write("null.json", []byte("null\n")), "null"},
		{write("empty.json", []byte("{}")), "没有任何指标"},
		{write("trailing.json", []byte(scheme+"\n多余的一行")), "多余的内容"},
		{doctype, "DOCTYPE"},
		{badUTF8, "UTF-8"},
		{missing, "缺少"},
		{write("old.xls", oleFile("Root Entry", "Workbook")), "Excel 97-2003"},
		{write("named.json", oleFile("Root Entry", "Workbook")), "Excel 97-2003"},
		{write("locked.xlsx", oleFile("Root Entry", "EncryptionInfo", "EncryptedPackage")), "打开密码"},
		{write("sheet.ods", zbuf.Bytes()), ".ods"},
	} {
		code, _, errs := gp(t, "scheme", "set", "--db", db, "--policy", "1", c.file)
		if code != 1 || !strings.Contains(errs, c.want) || strings.Contains(errs, "JSON 格式有误") {
			t.Errorf("scheme set %s = %d %q, want exit 1 saying %q", filepath.Base(c.file), code, errs, c.want)
		}
	}
	if _, after, _ := gp(t, "scheme", "get", "--db", db, "--policy", "1"); after != scheme {
		t.Error("a refused file changed the scheme")
	}
	if after := composite(t, db); after != before {
		t.Errorf("composite %q, was %q", after, before)
	}
}

// A replaced scheme stays in the history and comes back with scheme restore; replacing the scheme that
// scored the published evaluation says so.
func TestCLISchemeHistoryRestore(t *testing.T) {
	db := demoWorkspace(t)
	before := composite(t, db)
	_, scheme, _ := gp(t, "scheme", "get", "--db", db, "--policy", "1")
	var sc map[string]any
	json.Unmarshal([]byte(scheme), &sc)
	dims := sc["dimensions"].(map[string]any)
	dims["results"].(map[string]any)["indicators"] = []any{}
	sc["name"] = "只有两个维度的方案"
	b, _ := json.Marshal(sc)
	file := filepath.Join(filepath.Dir(db), "two.json")
	os.WriteFile(file, b, 0o644)
	code, _, errs := gp(t, "scheme", "set", "--db", db, "--policy", "1", file)
	if code != 0 || !strings.Contains(errs, "第 2 版") || !strings.Contains(errs, "scheme restore") ||
		!strings.Contains(errs, "--version 1") || !strings.Contains(errs, "自动备份") || !strings.Contains(errs, "公开的评价报告") {
		t.Fatalf("scheme set = %d %q", code, errs)
	}
	if composite(t, db) == before {
		t.Fatal("the new scheme did not change the score")
	}
	code, out, errs := gp(t, "scheme", "history", "--db", db, "--policy", "1", "--json")
	var h []struct {
		Version   int
		Source    string
		Name      string
		Current   bool
		Published []struct{ Version int }
	}
	if code != 0 || json.Unmarshal([]byte(out), &h) != nil || len(h) != 2 || h[1].Source != "two.json" || !h[1].Current ||
		len(h[0].Published) != 1 || len(h[1].Published) != 0 {
		t.Fatalf("scheme history = %d %s %s", code, out, errs)
	}
	if code, out, _ := gp(t, "scheme", "history", "--db", db, "--policy", "1"); code != 0 || !strings.Contains(out, "当前方案") || !strings.Contains(out, "公开的评价") {
		t.Errorf("scheme history (text) = %s", out)
	}
	if code, _, errs := gp(t, "scheme", "restore", "--db", db, "--policy", "1", "--version", "1"); code != 0 || !strings.Contains(errs, "第 3 版") {
		t.Fatalf("scheme restore = %d %s", code, errs)
	}
	if after := composite(t, db); after != before {
		t.Errorf("after restore %q, want %q", after, before)
	}
	if _, out, _ := gp(t, "scheme", "get", "--db", db, "--policy", "1"); out != scheme {
		t.Error("the restored scheme differs from the first one")
	}
	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"scheme", "restore", "--db", db, "--policy", "1"}, 2, "--version"},
		{[]string{"scheme", "restore", "--db", db, "--policy", "1", "--version", "x"}, 2, "--version"},
		{[]string{"scheme", "restore", "--db", db, "--policy", "1", "--version", "7"}, 1, "没有第 7 版"},
		{[]string{"scheme", "history", "--db", db, "--policy", "9"}, 1, "找不到政策 9"},
	} {
		if code, _, errs := gp(t, c.args...); code != c.code || !strings.Contains(errs, c.err) {
			t.Errorf("%s = %d %q", strings.Join(c.args, " "), code, errs)
		}
	}
}

func folderState(t *testing.T, dir string) string {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	var out []string
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		out = append(out, fmt.Sprintf("%s %x", e.Name(), sha256.Sum256(b)))
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

// Another application's SQLite file given as --db, even to a reading command, is refused byte for byte
// untouched.
func TestCLIForeignDatabaseUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "contacts.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('张三')"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	before := folderState(t, dir)
	for _, args := range [][]string{
		{"policy", "list", "--db", path},
		{"policy", "add", "--db", path, "--title", "t", "--dept", "d", "--category", "其他"},
		{"demo", "--db", path},
	} {
		code, _, errs := gp(t, args...)
		if code != 1 || !strings.Contains(errs, "不是公评工作区") || !strings.Contains(errs, "contacts") {
			t.Errorf("%s = %d %q", strings.Join(args, " "), code, errs)
		}
	}
	if after := folderState(t, dir); after != before {
		t.Errorf("folder changed:\n%s\n%s", before, after)
	}
}

// A damaged workspace is refused, in Chinese, naming the latest automatic backup; backup list and backup
// restore bring it back.
func TestCLIDamagedWorkspaceAndBackups(t *testing.T) {
	db := demoWorkspace(t)
	code, out, _ := gp(t, "backup", "list", "--db", db, "--json")
	var bs []struct{ Name, Reason string }
	if code != 0 || json.Unmarshal([]byte(out), &bs) != nil || len(bs) == 0 || bs[0].Reason != "publish" {
		t.Fatalf("backup list after demo = %d %s", code, out)
	}
	// Deleting a survey import makes one more.
	if code, _, errs := gp(t, "survey", "delete", "--db", db, "--policy", "1", "--import", "1"); code != 0 {
		t.Fatal(errs)
	}
	_, out, _ = gp(t, "backup", "list", "--db", db, "--json")
	json.Unmarshal([]byte(out), &bs)
	if bs[0].Reason != "survey-delete" {
		t.Fatalf("no backup before survey delete: %s", out)
	}
	latest := bs[0].Name
	if code, out, _ := gp(t, "backup", "list", "--db", db); code != 0 || !strings.Contains(out, latest) || !strings.Contains(out, "删除问卷导入之前") {
		t.Errorf("backup list = %s", out)
	}

	b, _ := os.ReadFile(db)
	const page = 65536
	junk := bytes.Repeat([]byte{0xA5, 0, 0xFF, 0x13}, page/4)
	for p := 2; (p+1)*page < len(b); p += 3 {
		copy(b[p*page:], junk)
	}
	os.WriteFile(db, b, 0o644)
	for _, args := range [][]string{
		{"policy", "list", "--db", db},
		{"score", "--db", db, "--policy", "1"},
		{"import", "survey", "--db", db, "--policy", "1", filepath.Join("..", "..", "data", "score", "testdata", "fixture.csv")},
	} {
		code, _, errs := gp(t, args...)
		if code != 1 || !strings.Contains(errs, "已损坏") || !strings.Contains(errs, latest) || strings.Contains(errs, "malformed") {
			t.Errorf("%s = %d %q", strings.Join(args[:2], " "), code, errs)
		}
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, b) {
		t.Error("a command wrote to the damaged workspace")
	}
	code, out, errs := gp(t, "backup", "restore", "--db", db, "--backup", latest)
	if code != 0 || !strings.Contains(out, latest) || !strings.Contains(out, "damaged") {
		t.Fatalf("backup restore = %d %s %s", code, out, errs)
	}
	if code, out, errs := gp(t, "policy", "list", "--db", db); code != 0 || !strings.Contains(out, "1") {
		t.Errorf("after restore: %d %s %s", code, out, errs)
	}
	if code, _, errs := gp(t, "backup", "restore", "--db", db, "--backup", "nosuch"); code != 1 || !strings.Contains(errs, "没有名为") {
		t.Errorf("restore nosuch = %d %s", code, errs)
	}
	if code, _, errs := gp(t, "backup", "restore", "--db", db); code != 2 || !strings.Contains(errs, "--backup") {
		t.Errorf("restore without --backup = %d %s", code, errs)
	}
}
