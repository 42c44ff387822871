package app

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gongping/gongping/assets"
)

// reservedKeys are words go-i18n takes as message fields, which would make it misread a whole file.
var reservedKeys = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

// TestTranslations checks the translation files and that every lang.L key used in app/ has a Chinese and
// an English text.
func TestTranslations(t *testing.T) {
	files, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		t.Fatal(err)
	}
	zh, en := map[string]bool{}, map[string]bool{}
	seen := map[string]string{} // tag + key → "file: text", to catch two areas translating one key differently
	for _, f := range files {
		tag := translationTag(f.Name())
		if tag != LangChinese && tag != LangEnglish {
			t.Errorf("%s: name should be <area>.zh-Hans.json or <area>.en.json", f.Name())
			continue
		}
		m, err := readTranslations(f.Name())
		if err != nil {
			t.Errorf("%v (want a flat JSON object of strings)", err)
			continue
		}
		for k, v := range m {
			for _, r := range reservedKeys {
				if strings.EqualFold(k, r) {
					t.Errorf("%s: key %q is reserved by go-i18n; reword it", f.Name(), k)
				}
			}
			switch v := v.(type) {
			case string:
				// Fyne keeps one text per key: the file loaded last would win. Contexts that need different
				// words need different keys.
				if prev, ok := seen[tag+"\x00"+k]; ok && !strings.HasSuffix(prev, ": "+v) {
					t.Errorf("%s: %q is %q here but %s; one key, one text", f.Name(), k, v, prev)
				}
				seen[tag+"\x00"+k] = f.Name() + ": " + v
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: empty text for %q", f.Name(), k)
				}
			case map[string]any: // plural forms
				for form := range v {
					if form != "one" && form != "other" && form != "few" && form != "many" && form != "zero" && form != "two" {
						t.Errorf("%s: %q: %q is not a plural form", f.Name(), k, form)
					}
				}
			default:
				t.Errorf("%s: %q should be a text", f.Name(), k)
			}
			if tag == LangChinese {
				zh[k] = true
			} else {
				en[k] = true
			}
		}
	}
	used := map[string][]string{}
	re := regexp.MustCompile(`lang\.L\("((?:[^"\\]|\\.)*)"`)
	srcs, _ := filepath.Glob("*.go")
	for _, src := range srcs {
		if src == "doc.go" || strings.HasSuffix(src, "_test.go") {
			continue
		}
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			k := strings.ReplaceAll(m[1], `\n`, "\n")
			used[k] = append(used[k], src)
		}
	}
	// Keys held in tables rather than written at the call.
	for _, tbl := range []map[string]string{checkKeys} {
		for _, k := range tbl {
			used[k] = append(used[k], "checkKeys")
		}
	}
	for _, k := range stageKeys {
		used[k] = append(used[k], "stageKeys")
	}
	for _, tab := range registeredTabs() {
		used[tab.Title] = append(used[tab.Title], "RegisterPolicyTab")
	}
	var missing []string
	for k, where := range used {
		if !zh[k] {
			missing = append(missing, "zh-Hans "+where[0]+": "+k)
		}
		if !en[k] {
			missing = append(missing, "en "+where[0]+": "+k)
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no translation: %s", m)
	}
}
