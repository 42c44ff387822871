package sheet

import (
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/xuri/nfp"
)

// dateKind says how a number with a given number format is returned. It is decided per number
// format here, in one place, for both xlsx paths.
type dateKind uint8

const (
	notDate   dateKind = iota // returned as stored
	dateTime                  // "2006-01-02 15:04:05"
	clockTime                 // "15:04:05"
)

// builtInDateFormats are the built-in number format ids that show a date or time, with the codes of the
// zh-CN locale for the East Asian ids 27–36 and 50–58 (Chinese WPS/Excel files use them).
var builtInDateFormats = map[int]string{
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
	20: "hh:mm", 21: "hh:mm:ss", 22: "m/d/yy hh:mm", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
	27: `yyyy"年"m"月"`, 28: `m"月"d"日"`, 29: `m"月"d"日"`, 30: "m/d/yy", 31: `yyyy"年"m"月"d"日"`,
	32: `h"时"mm"分"`, 33: `h"时"mm"分"ss"秒"`, 34: `上午/下午h"时"mm"分"`, 35: `上午/下午h"时"mm"分"ss"秒"`,
	36: `yyyy"年"m"月"`, 50: `yyyy"年"m"月"`, 51: `m"月"d"日"`, 52: `yyyy"年"m"月"`, 53: `m"月"d"日"`,
	54: `m"月"d"日"`, 55: `上午/下午h"时"mm"分"`, 56: `上午/下午h"时"mm"分"ss"秒"`, 57: `yyyy"年"m"月"`,
	58: `m"月"d"日"`,
}

// numFmtKind decides the kind of number format id, given the file's custom formats (id → code).
// A custom code overrides a built-in id, as in excelize.
func numFmtKind(id int, custom map[int]string) dateKind {
	if code, ok := custom[id]; ok {
		return formatKind(code)
	}
	if code, ok := builtInDateFormats[id]; ok {
		return formatKind(code)
	}
	return notDate
}

// formatKind looks at the first (positive) section of a format code: date tokens with no digit
// placeholders make a date; only hours/minutes/seconds make a clock time; elapsed times stay numbers.
func formatKind(code string) dateKind {
	p := nfp.NumberFormatParser()
	sections := p.Parse(code)
	if len(sections) == 0 {
		return notDate
	}
	var day, clock, month bool
	for _, tok := range sections[0].Items {
		switch tok.TType {
		case nfp.TokenTypeElapsedDateTimes, nfp.TokenTypeGeneral, nfp.TokenTypeDigitalPlaceHolder,
			nfp.TokenTypeHashPlaceHolder, nfp.TokenTypeFraction, nfp.TokenTypeDenominator,
			nfp.TokenTypeExponential, nfp.TokenTypePercent:
			return notDate
		case nfp.TokenTypeDateTimes:
			v := strings.ToLower(tok.TValue)
			switch {
			case v == "am/pm" || v == "a/p":
			case strings.ContainsAny(v, "ydeg"):
				day = true
			case strings.ContainsAny(v, "hs"):
				clock = true
			case strings.Contains(v, "m"):
				month = true
			}
		}
	}
	switch {
	case day || (month && !clock):
		return dateTime
	case clock:
		return clockTime
	}
	return notDate
}

// isNumeric is excelize's test for a numeric cell value (isNumeric in its lib.go).
func isNumeric(s string) (float64, bool) {
	if strings.Contains(s, "_") {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// maxSerial is 10000-01-01 in the 1900 date system: larger serials are not dates.
const maxSerial = 2958466

// convertDate returns the text for a stored number v in a cell of kind k, and false when v stays as it is.
func convertDate(v string, k dateKind, date1904 bool) (string, bool) {
	if k == notDate {
		return "", false
	}
	f, ok := isNumeric(v)
	if !ok || math.IsNaN(f) || f < 0 || f >= maxSerial {
		return "", false
	}
	t, err := excelize.ExcelDateToTime(f, date1904)
	if err != nil {
		return "", false
	}
	if k == clockTime {
		return t.Format("15:04:05"), true
	}
	return t.Format("2006-01-02 15:04:05"), true
}
