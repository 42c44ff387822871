package app

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/gongping/gongping/assets"
)

// Languages the UI offers; the preference holds one of these tags.
const (
	LangChinese = "zh-Hans"
	LangEnglish = "en"
	prefLang    = "language"
)

// Language returns the UI language chosen in the preferences: Chinese unless the user picked English.
func Language(a fyne.App) string {
	if a.Preferences().StringWithFallback(prefLang, LangChinese) == LangEnglish {
		return LangEnglish
	}
	return LangChinese
}

// fyneLangs are the languages Fyne v2.7.1 ships translations for (fyne.io/fyne/v2/lang/translations):
// with ours, the only tags its locale matcher can pick.
var fyneLangs = []string{"cs", "de", "el", "en", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// LoadTranslations loads every assets/translations file and makes the chosen language win whatever the
// system locale is. Fyne's lang package picks its language from the system locale (LANGUAGE/LC_ALL/LANG on
// Linux, the user locale on Windows) and offers no setter, so we register the chosen language's texts
// (ours and Fyne's own, in fyne.<lang>.json) under every tag the matcher can land on. Calling it again
// (a language switch) overwrites the texts; screens built afterwards use the new language.
func LoadTranslations(chosen string) error {
	files, err := fs.ReadDir(assets.Translations, "translations")
	if err != nil {
		return err
	}
	mine := map[string]any{} // the chosen language's texts from every file, added once per tag below
	for _, f := range files {
		b, err := assets.Translations.ReadFile(path.Join("translations", f.Name()))
		if err != nil {
			return err
		}
		tag := translationTag(f.Name())
		if tag == "" {
			return fmt.Errorf("translation file %s: name should be <area>.<lang>.json", f.Name())
		}
		if err := lang.AddTranslationsForLocale(b, fyne.Locale(tag)); err != nil {
			return fmt.Errorf("translation file %s: %w", f.Name(), err)
		}
		if tag == chosen {
			if err := json.Unmarshal(b, &mine); err != nil {
				return fmt.Errorf("translation file %s: %w", f.Name(), err)
			}
		}
	}
	merged, err := json.Marshal(mine)
	if err != nil {
		return err
	}
	for _, tag := range fyneLangs {
		if tag == chosen {
			continue
		}
		if err := lang.AddTranslationsForLocale(merged, fyne.Locale(tag)); err != nil {
			return err
		}
	}
	return nil
}

// translationTag is the language of "<area>.<lang>.json" ("" when the name does not fit).
func translationTag(name string) string {
	parts := strings.Split(strings.TrimSuffix(name, ".json"), ".")
	if len(parts) != 2 || !strings.HasSuffix(name, ".json") {
		return ""
	}
	return parts[1]
}

// readTranslations parses one translation file: key → text, or key → plural forms {"one": …, "other": …}.
func readTranslations(name string) (map[string]any, error) {
	b, err := assets.Translations.ReadFile(path.Join("translations", name))
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, nil
}
