package score

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/gongping/gongping/data"
	"github.com/gongping/gongping/data/assess"
)

// DimensionKeys are the three scored dimensions, in report order; DimensionNames their Chinese names.
var (
	DimensionKeys  = assess.DimensionKeys
	DimensionNames = assess.DimensionNames
)

// Scheme is the evaluation scheme (评价方案) of a policy; its JSON form is DESIGN.md's. Decoding fills
// absent fields with the defaults (weights 1, sources 0.6/0.3/0.1, screening on); an explicit 0/false
// switches a screening rule off.
type Scheme struct {
	Name       string           `json:"name"`
	Likert     Likert           `json:"likert"`
	Questions  map[string]Scale `json:"questions"` // numeric scales by question reference
	Dimensions Dimensions       `json:"dimensions"`
	Problems   []string         `json:"problems"`
	Directions []string         `json:"directions"`
	Overall    string           `json:"overall"`
	Sources    Sources          `json:"sources"`
	Screening  Screening        `json:"screening"`
}

// Likert maps answer labels to values (0–100). The default label families are always known too; labels
// given here take precedence over them.
type Likert struct {
	Labels  map[string]float64 `json:"labels"`
	Missing []string           `json:"missing"`
}

// Scale declares a numeric question: answers 1…Points, Best is the best answer (1 or Points).
type Scale struct {
	Points int `json:"points"`
	Best   int `json:"best"`
}

// Dimensions holds the three dimensions; in JSON an object keyed process/standards/results.
type Dimensions struct {
	Process, Standards, Results DimensionSpec
}

// Get returns the dimension of a key (process, standards, results), nil for an unknown key.
func (d *Dimensions) Get(key string) *DimensionSpec {
	switch key {
	case "process":
		return &d.Process
	case "standards":
		return &d.Standards
	case "results":
		return &d.Results
	}
	return nil
}

// DimensionSpec is one dimension of a scheme.
type DimensionSpec struct {
	Name       string          `json:"name,omitempty"` // defaults to DimensionNames[key]
	Weight     float64         `json:"weight"`
	Indicators []IndicatorSpec `json:"indicators"`
}

// IndicatorSpec is one indicator: its questions' answer values are averaged per respondent.
type IndicatorSpec struct {
	Name      string   `json:"name"`
	Weight    float64  `json:"weight"`
	Questions []string `json:"questions"` // "Q3" or the exact header text
}

// Sources weighs the three sources of a dimension score.
type Sources struct {
	Survey     float64 `json:"survey"`
	Assessment float64 `json:"assessment"`
	Officers   float64 `json:"officers"`
}

// Screening switches the screening rules; 0/false switches a rule off.
type Screening struct {
	Speeders             float64 `json:"speeders"`               // ratio of the median duration
	StraightlineMinItems int     `json:"straightline_min_items"` // answered indicator questions
	Duplicates           bool    `json:"duplicates"`
}

// Defaults.
var (
	DefaultSources   = Sources{Survey: 0.6, Assessment: 0.3, Officers: 0.1}
	DefaultScreening = Screening{Speeders: 0.3, StraightlineMinItems: 8, Duplicates: true}
	// DefaultLabels are the label families every scheme knows (100/75/50/25/0), with the usual wordings of
	// each step (很…/比较…/不太… as in the satisfaction family DESIGN.md lists).
	DefaultLabels = map[string]float64{
		"非常满意": 100, "满意": 75, "一般": 50, "不满意": 25, "非常不满意": 0,
		"很满意": 100, "比较满意": 75, "基本满意": 50, "不太满意": 25, "比较不满意": 25, "很不满意": 0,
		"非常同意": 100, "很同意": 100, "同意": 75, "比较同意": 75, "不同意": 25, "不太同意": 25, "比较不同意": 25,
		"很不同意": 0, "非常不同意": 0,
		"非常好": 100, "很好": 100, "好": 75, "比较好": 75, "较好": 75, "差": 25, "不太好": 25, "比较差": 25,
		"较差": 25, "很差": 0, "非常差": 0,
	}
	DefaultMissing = []string{"不了解", "不清楚", "说不清", "不适用", "无法评价"}
)

func (d *DimensionSpec) UnmarshalJSON(b []byte) error {
	type plain DimensionSpec
	p := plain{Weight: 1}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*d = DimensionSpec(p)
	return nil
}

func (i *IndicatorSpec) UnmarshalJSON(b []byte) error {
	type plain IndicatorSpec
	p := plain{Weight: 1}
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*i = IndicatorSpec(p)
	return nil
}

func (s *Sources) UnmarshalJSON(b []byte) error {
	type plain Sources
	p := plain(DefaultSources)
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*s = Sources(p)
	return nil
}

func (s *Screening) UnmarshalJSON(b []byte) error {
	type plain Screening
	p := plain(DefaultScreening)
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*s = Screening(p)
	return nil
}

// MarshalJSON writes the dimensions in report order.
func (d Dimensions) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, k := range DimensionKeys {
		if i > 0 {
			buf.WriteByte(',')
		}
		b, err := json.Marshal(d.Get(k))
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(&buf, "%q:%s", k, b)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// UnmarshalJSON reads the dimensions object; an unknown key is an error, a missing one an empty dimension.
func (d *Dimensions) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*d = Dimensions{Process: DimensionSpec{Weight: 1}, Standards: DimensionSpec{Weight: 1}, Results: DimensionSpec{Weight: 1}}
	for k, raw := range m {
		ds := d.Get(k)
		if ds == nil {
			return data.InputErrorf("评价方案中有未知的维度 %q，只能是 process（执行过程）、standards（细则标准）、results（取得成效）", k)
		}
		if err := json.Unmarshal(raw, ds); err != nil {
			return err
		}
	}
	return nil
}

// NewScheme returns an empty scheme with every default filled in.
func NewScheme() *Scheme {
	return &Scheme{
		Likert:     Likert{Labels: map[string]float64{}, Missing: append([]string(nil), DefaultMissing...)},
		Questions:  map[string]Scale{},
		Dimensions: Dimensions{Process: DimensionSpec{Weight: 1}, Standards: DimensionSpec{Weight: 1}, Results: DimensionSpec{Weight: 1}},
		Problems:   []string{},
		Directions: []string{},
		Sources:    DefaultSources,
		Screening:  DefaultScreening,
	}
}

// maxSchemeBytes bounds a scheme file; real ones are a few kB.
const maxSchemeBytes = 4 << 20

// ParseSchemeJSON reads a scheme in its JSON form; the error names what is wrong.
func ParseSchemeJSON(b []byte) (*Scheme, error) {
	if len(b) > maxSchemeBytes {
		return nil, data.InputErrorf("评价方案文件过大（超过 4 MB）")
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	// json decodes null (and only whitespace is no value at all) into the defaults: an empty scheme.
	switch v := bytes.TrimSpace(b); {
	case len(v) == 0:
		return nil, &data.InputError{Msg: "评价方案文件是空的：请先导出当前方案作模板（评价方案页的“导出”），编辑后再导入", CLIHint: "gongping scheme get --db F --policy ID --out 方案.xlsx"}
	case bytes.Equal(v, []byte("null")):
		return nil, &data.InputError{Msg: "评价方案文件的内容是 null（空值），不是方案：请先导出当前方案作模板（评价方案页的“导出”），编辑后再导入", CLIHint: "gongping scheme get --db F --policy ID --out 方案.json"}
	case v[0] != '{':
		return nil, data.InputErrorf("评价方案 JSON 应以 { 开头（一个对象，如评价方案页“导出”的那样），而这个文件以 %q 开头", firstRunes(v, 12))
	}
	s := NewScheme()
	s.Likert.Missing = nil
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(s); err != nil {
		var ie *data.InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, jsonError(err)
	}
	// One value and nothing after it: text left over is a second scheme pasted in, or a mistake.
	if rest := bytes.TrimSpace(b[dec.InputOffset():]); len(rest) > 0 {
		return nil, data.InputErrorf("评价方案 JSON 在第 %d 个字节后还有多余的内容（%q…）：文件只能包含一个方案，请删除结尾多余的文字后再导入",
			dec.InputOffset(), firstRunes(rest, 12))
	}
	if s.Likert.Missing == nil {
		s.Likert.Missing = append([]string(nil), DefaultMissing...)
	}
	s.normalise()
	if err := s.Validate(nil); err != nil {
		return nil, err
	}
	return s, nil
}

// firstRunes is the start of b, at most n characters, for a message.
func firstRunes(b []byte, n int) string {
	r := []rune(string(b))
	if len(r) > n {
		r = r[:n]
	}
	return string(r)
}

// Indicators counts the scheme's indicators over the three dimensions.
func (s *Scheme) Indicators() int {
	n := 0
	for _, k := range DimensionKeys {
		n += len(s.Dimensions.Get(k).Indicators)
	}
	return n
}

// jsonError says in Chinese what is wrong with a scheme's JSON: which field has the wrong kind of value,
// or where the syntax breaks.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te) && te.Field != "":
		kinds := map[string]string{"float64": "数字", "int": "整数", "string": "文字", "bool": "true 或 false",
			"number": "数字", "array": "列表", "object": "对象", "slice": "列表", "map": "对象", "struct": "对象"}
		want, got := kinds[te.Type.Kind().String()], kinds[te.Value]
		if want == "" {
			want = "正确的类型"
		}
		if got == "" {
			got = te.Value
		}
		return data.InputErrorf("评价方案 JSON 格式有误：字段 %s 的值应为%s，而不是%s", te.Field, want, got)
	case errors.As(err, &se):
		return &data.InputError{Msg: fmt.Sprintf("评价方案 JSON 格式有误：第 %d 个字节附近语法错误，请检查逗号、引号和括号", se.Offset), Err: err}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return data.InputErrorf("评价方案 JSON 不完整：缺少结尾的括号或引号")
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok { // encoding/json's only text for it
		return &data.InputError{Msg: fmt.Sprintf("评价方案 JSON 格式有误：不认识的字段 %s，请检查拼写", f), Err: err}
	}
	return &data.InputError{Msg: "评价方案 JSON 格式有误，无法读取：请用评价方案页“导出”的文件，或检查逗号、引号和括号", Err: err}
}

// JSON returns the scheme's JSON form, indented.
func (s *Scheme) JSON() []byte {
	s.normalise()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(s) //nolint:errcheck // plain data cannot fail
	return buf.Bytes()
}

// Clone returns a deep copy.
func (s *Scheme) Clone() *Scheme {
	c := NewScheme()
	if err := json.Unmarshal(s.JSON(), c); err != nil {
		panic(err) // our own output always decodes
	}
	return c
}

// normalise trims texts and makes nil collections empty so the JSON form is stable.
func (s *Scheme) normalise() {
	s.Name = strings.TrimSpace(s.Name)
	if s.Likert.Labels == nil {
		s.Likert.Labels = map[string]float64{}
	}
	if s.Questions == nil {
		s.Questions = map[string]Scale{}
	}
	if s.Problems == nil {
		s.Problems = []string{}
	}
	if s.Directions == nil {
		s.Directions = []string{}
	}
	s.Overall = strings.TrimSpace(s.Overall)
	for _, k := range DimensionKeys {
		d := s.Dimensions.Get(k)
		d.Name = strings.TrimSpace(d.Name)
		if d.Indicators == nil {
			d.Indicators = []IndicatorSpec{}
		}
		for i := range d.Indicators {
			d.Indicators[i].Name = strings.TrimSpace(d.Indicators[i].Name)
			if d.Indicators[i].Questions == nil {
				d.Indicators[i].Questions = []string{}
			}
			for j, q := range d.Indicators[i].Questions {
				d.Indicators[i].Questions[j] = strings.TrimSpace(q)
			}
		}
	}
}

// DimensionName is the display name of a dimension of this scheme.
func (s *Scheme) DimensionName(key string) string {
	if d := s.Dimensions.Get(key); d != nil && d.Name != "" {
		return d.Name
	}
	return DimensionNames[key]
}

// Validate checks the scheme; with the round's questions it also checks every question reference. The
// error is an InputError naming the problem.
func (s *Scheme) Validate(questions []data.Question) error {
	bad := func(f string, a ...any) error { return data.InputErrorf("评价方案："+f, a...) }
	okWeight := func(w float64) bool { return w > 0 && !math.IsInf(w, 0) && !math.IsNaN(w) }
	for _, k := range DimensionKeys {
		d := s.Dimensions.Get(k)
		name := s.DimensionName(k)
		if !okWeight(d.Weight) {
			return bad("维度“%s”的权重 %g 必须为正数", name, d.Weight)
		}
		seen := map[string]bool{}
		for i, ind := range d.Indicators {
			if ind.Name == "" {
				return bad("维度“%s”的第 %d 个指标缺少名称", name, i+1)
			}
			if seen[ind.Name] {
				return bad("维度“%s”中指标“%s”重复", name, ind.Name)
			}
			seen[ind.Name] = true
			if !okWeight(ind.Weight) {
				return bad("指标“%s”的权重 %g 必须为正数", ind.Name, ind.Weight)
			}
			for _, q := range ind.Questions {
				if q == "" {
					return bad("指标“%s”的题目不能为空", ind.Name)
				}
			}
		}
	}
	for _, w := range []struct {
		n string
		v float64
	}{{"问卷调查", s.Sources.Survey}, {"第三方评估", s.Sources.Assessment}, {"体验官", s.Sources.Officers}} {
		if w.v < 0 || math.IsNaN(w.v) || math.IsInf(w.v, 0) {
			return bad("来源“%s”的权重 %g 不能为负数", w.n, w.v)
		}
	}
	if s.Sources.Survey+s.Sources.Assessment+s.Sources.Officers <= 0 {
		return bad("三个来源的权重不能全为 0")
	}
	if s.Screening.Speeders < 0 || s.Screening.Speeders >= 1 || math.IsNaN(s.Screening.Speeders) {
		return bad("快速作答比例 %g 应在 0（关闭）到 1 之间", s.Screening.Speeders)
	}
	if s.Screening.StraightlineMinItems < 0 || s.Screening.StraightlineMinItems == 1 {
		return bad("直线作答最少题数 %d 应为 0（关闭）或不少于 2", s.Screening.StraightlineMinItems)
	}
	for l, v := range s.Likert.Labels {
		if strings.TrimSpace(l) == "" || v < 0 || v > 100 || math.IsNaN(v) {
			return bad("量表选项 %q 的分值 %g 应在 0 到 100 之间", l, v)
		}
	}
	for _, q := range sortedKeys(s.Questions) {
		sc := s.Questions[q]
		if sc.Points < 2 || sc.Points > 100 {
			return bad("题目 %s 的量表点数 %d 应在 2 到 100 之间", q, sc.Points)
		}
		if sc.Best != 1 && sc.Best != sc.Points {
			return bad("题目 %s 的最佳值 %d 应为 1 或 %d", q, sc.Best, sc.Points)
		}
	}
	if questions == nil {
		return nil
	}
	ix := newQuestionIndex(questions)
	check := func(ref, where string) error {
		i, ok := ix.find(ref)
		if !ok {
			return bad("%s引用了未知的题目 %q，请用 Q<题号> 或完整题目文字", where, ref)
		}
		if questions[i].Type == data.QMeta { // personal or system columns (姓名, 证件号…) are never scored
			return bad("%s引用的“%s”是个人信息或系统列，不是题目，不能计分", where, questions[i].Text)
		}
		return nil
	}
	for _, k := range DimensionKeys {
		for _, ind := range s.Dimensions.Get(k).Indicators {
			for _, q := range ind.Questions {
				if err := check(q, fmt.Sprintf("指标“%s”", ind.Name)); err != nil {
					return err
				}
			}
		}
	}
	for _, q := range s.Problems {
		if err := check(q, "存在问题题目"); err != nil {
			return err
		}
	}
	for _, q := range s.Directions {
		if err := check(q, "改进方向题目"); err != nil {
			return err
		}
	}
	if s.Overall != "" {
		if err := check(s.Overall, "总体评价题目"); err != nil {
			return err
		}
	}
	for _, q := range sortedKeys(s.Questions) {
		if err := check(q, "数值量表"); err != nil {
			return err
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// questionIndex resolves a question reference ("Q3" or the exact header text) to its position, by the
// survey package's rule (data.FindQuestion).
type questionIndex struct{ qs []data.Question }

func newQuestionIndex(qs []data.Question) questionIndex { return questionIndex{qs} }

func (ix questionIndex) find(ref string) (int, bool) { return data.FindQuestion(ix.qs, ref) }
