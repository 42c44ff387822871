package score

import (
	"strings"
	"testing"

	"github.com/gongping/gongping/data"
)

// A personal column (姓名, kept apart as P1 by the importer) can never be named by an indicator.
func TestSchemeRefusesPersonalColumns(t *testing.T) {
	qs := []data.Question{
		{Key: "P1", Text: "姓名", Type: data.QMeta},
		{Key: "Q1", Num: 1, Text: "您对窗口服务的满意程度", Type: data.QSingle, Options: []string{"满意", "不满意"}},
	}
	sc, err := ParseSchemeJSON([]byte(`{"dimensions": {"process": {"weight": 1, "indicators": [{"name": "窗口服务", "weight": 1, "questions": ["Q1", "P1"]}]}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := sc.Validate(qs); err == nil || !strings.Contains(err.Error(), "“姓名”是个人信息") {
		t.Errorf("Validate = %v, want a refusal naming 姓名", err)
	}
	sc.Dimensions.Process.Indicators[0].Questions = []string{"Q1"}
	if err := sc.Validate(qs); err != nil {
		t.Errorf("Validate without P1 = %v", err)
	}
}
