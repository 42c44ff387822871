package score

import (
	"errors"
	"regexp"
	"testing"

	"github.com/gongping/gongping/data"
)

// A scheme file's refusal is shown in the window as it is: Chinese, with no Go library text in it
// ("zip: not a valid zip file", "invalid character ']' looking for beginning of value").
func TestSchemeRefusalsHaveNoLibraryText(t *testing.T) {
	english := regexp.MustCompile(`[A-Za-z]{3,} [A-Za-z]{2,}|zip:|json:`)
	for name, b := range map[string][]byte{
		"cut zip":        []byte("PK\x03\x04garbage"),
		"syntax":         []byte(`{"problems":["Q1",]}`),
		"unknown field":  []byte(`{"nme":"x"}`),
		"bad first byte": []byte(`{]`),
	} {
		_, err := ParseSchemeFile(b)
		var ie *data.InputError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: %v is not a refusal for the user", name, err)
		}
		if english.MatchString(ie.Msg) {
			t.Errorf("%s: refusal %q carries library text", name, ie.Msg)
		}
	}
}
