package assess

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongping/gongping/data"
)

// scoreAliases name a score column; the same words after a unit's name ("东城区得分") or before it
// ("得分（东城区）", "得分-专家1") name that unit's score column.
var scoreAliases = []string{"得分", "评分", "实际得分", "评估得分", "考核得分", "评价得分", "打分", "最终得分", "复核得分"}

var assessmentCols = []column{
	{"dimension", []string{"一级指标", "维度", "评价维度", "一级", "评估维度", "考核维度"}},
	{"indicator", []string{"二级指标", "指标", "评价指标", "指标名称", "评价内容", "考核指标", "评估指标"}},
	{"point", []string{"考核点", "评价要点", "考核内容", "考核要点", "评分要点", "评估要点", "三级指标", "评估内容", "考核事项"}},
	{"max", []string{"分值", "满分", "标准分", "权重分", "总分值", "标准分值", "满分值", "指标分值"}},
	{"score", scoreAliases},
	// Columns that are read past: text (评分标准 would otherwise be taken for 评分) or numbers that are
	// not scores (序号, 权重).
	{"criteria", []string{"评分标准", "评分细则", "评分办法", "评分方法", "评分依据", "评分说明", "评分规则", "考核标准", "考核方法", "评价标准", "计分方法", "计分规则"}},
	{"seq", []string{"序号", "编号", "排序"}},
	{"weight", []string{"权重"}},
	{"note", []string{"备注", "说明", "佐证材料", "数据来源"}},
	{"problem", []string{"存在问题", "问题", "扣分说明", "扣分原因", "扣分理由"}},
	{"suggestion", []string{"改进建议", "建议", "意见建议"}},
}

// unitCol is the score column of one rated unit (被评单位); name "" for a sheet's only 得分 column.
type unitCol struct {
	col  int
	name string
}

var (
	totalWords = `合计|小计|总计|总分|总得分|得分合计|分值合计`
	// A total row's label: the word alone or after the dimension it closes ("执行过程小计"), or the word
	// first ("合计：", "小计（执行过程）"). Not any text containing it: "符合计划" is an indicator.
	totalLabel = regexp.MustCompile(`^(?:(?:` + totalWords + `)(?:得分|分值|分数)?(?:[:：（(].*|[\d.]+分?)?|.{0,20}?(?:` + totalWords + `))$`)
	// A trailing （…） of a header: a unit's name ("得分（东城区）") unless it gives the unit of measure ("（分）").
	headerParen = regexp.MustCompile(`^(.*?)[（(]([^（）()]*)[)）]$`)
	unitSeps    = "-_—－/／:：·"
	// Words of an aggregate column (an average or a sum of the units), never a unit of its own.
	aggregateWords = []string{"平均", "均分", "合计", "总分", "总计", "汇总"}
	// Header words of numeric columns that are not scores.
	notScoreWords = []string{"扣分", "加分", "权重", "排名", "名次", "等级", "比例", "占比", "率", "序", "编号", "年份", "日期", "时间", "分值", "满分"}
	// Score words meaning "the score" rather than naming a unit ("考核得分", "专家评分" alone).
	plainPrefixes = []string{"实际", "评估", "考核", "评价", "最终", "综合", "评定", "核定", "复核", "专家", "第三方"}
)

var totalStart = regexp.MustCompile(`^(?:` + totalWords + `)`)

func stripLabel(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.TrimSpace(ordinalPrefix.ReplaceAllString(s, ""))
}

// isTotal reports a 合计/小计 cell, whose row repeats the sum of the rows above.
func isTotal(s string) bool {
	s = stripLabel(s)
	return s != "" && totalLabel.MatchString(s)
}

// parseNumber reads a score cell ("8", "8.5", "8分", "８.５ 分"); ok false when it is not a number.
func parseNumber(s string) (float64, bool) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return '0' + (r - '０')
		case r == '．':
			return '.'
		case r == '－':
			return '-'
		}
		return r
	}, strings.TrimSpace(s))
	s = strings.TrimSpace(strings.TrimSuffix(s, "分"))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// scoreHeader reads a header naming a score: ok with name "" for the score ("得分", "实际得分（分）"),
// with the unit's name for a unit's score ("东城区得分", "得分（专家1）", "得分-第一季度").
func scoreHeader(raw string) (name string, ok bool) {
	t := strings.TrimRight(strings.Join(strings.Fields(raw), ""), ":：*")
	base, paren := t, ""
	if m := headerParen.FindStringSubmatch(t); m != nil {
		base = m[1]
		if !strings.Contains(m[2], "分") {
			paren = m[2]
		}
	}
	for _, a := range scoreAliases {
		if base == a {
			return paren, true
		}
	}
	for _, a := range []string{"得分", "评分", "打分"} {
		if strings.HasSuffix(base, a) && len(base) > len(a) {
			p := strings.Trim(strings.TrimSuffix(base, a), unitSeps)
			for _, g := range plainPrefixes {
				if p == g {
					return paren, true
				}
			}
			if p != "" {
				return p, true
			}
		}
		if strings.HasPrefix(base, a) {
			rest := strings.TrimPrefix(base, a)
			if r, _ := utf8.DecodeRuneInString(rest); r != utf8.RuneError && strings.ContainsRune(unitSeps, r) {
				if p := strings.Trim(rest, unitSeps); p != "" {
					return p, true
				}
			}
		}
	}
	return "", false
}

// headerTexts lists a header row's non-empty cells for a message.
func headerTexts(r gridRow) string {
	var hs []string
	for i := range r.cells {
		if h := r.cell(i); h != "" {
			hs = append(hs, h)
		}
	}
	return strings.Join(hs, "、")
}

// findAssessmentHeader is findHeader for score sheets: the header needs 分值 and 一级指标, or failing
// that an indicator column (the dimensions then come from section rows such as "一、执行过程" or 序号
// 一, 二 …, see isSection). When no row qualifies, the message names what the best row lacks and lists
// its headers.
func findAssessmentHeader(g *grid) (int, map[string]int, error) {
	if hi, pos, err := findHeader(g, assessmentCols, []string{"dimension", "max"}); err == nil {
		return hi, pos, nil
	}
	for _, f := range []string{"indicator", "point"} {
		if hi, pos, err := findHeader(g, assessmentCols, []string{f, "max"}); err == nil {
			return hi, pos, nil
		}
	}
	best, bestPos := -1, map[string]int(nil)
	for ri, r := range g.rows {
		if ri >= 30 {
			break
		}
		if pos := matchColumns(r, assessmentCols); len(pos) > len(bestPos) {
			best, bestPos = ri, pos
		}
	}
	if best < 0 {
		return 0, nil, data.InputErrorf("%s：在前 30 行中找不到评分表的表头，表头应含 一级指标（或维度）、分值（或满分、总分值）和 得分（或各被评单位的名称）", g.name)
	}
	var missing []string
	if _, ok := bestPos["dimension"]; !ok {
		missing = append(missing, "一级指标列（一级指标、维度 或 评价维度）")
	}
	if _, ok := bestPos["max"]; !ok {
		missing = append(missing, "分值列（分值、满分、总分值 或 标准分）")
	}
	r := g.rows[best]
	return 0, nil, data.InputErrorf("%s：找不到%s，请在表头中加上这一列。第%d行的表头是：%s", g.name, strings.Join(missing, "和"), r.num, headerTexts(r))
}

// unitColumns finds the score columns of the sheet whose header row is hi: the one 得分 column, several
// named ones ("东城区得分", or 得分 merged over a row of unit names), or else the columns of numbers
// under headers no other field claims (东城区 西城区 朝阳区, 专家1 专家2). It returns them, the index of
// the first data row and the warnings about score-like columns left out.
func unitColumns(g *grid, hi int, pos map[string]int) ([]unitCol, int, []string, error) {
	header := g.rows[hi]
	start := hi + 1
	claimed := map[int]bool{}
	for f, c := range pos {
		if f != "score" {
			claimed[c] = true
		}
	}
	letter := func(c int) string { return strings.TrimPrefix(cellRef(0, c), "第0行") }
	var plain, named, aggregate, self []unitCol
	for c := range header.cells {
		raw := header.cell(c)
		if claimed[c] || raw == "" {
			continue
		}
		name, ok := scoreHeader(raw)
		switch {
		case !ok && containsAny(raw, aggregateWords) && !isTotal(raw):
			aggregate = append(aggregate, unitCol{c, raw}) // "平均分": named in a warning when units are read
		case !ok:
		case strings.Contains(raw, "自评"):
			self = append(self, unitCol{c, raw})
		case containsAny(raw, aggregateWords):
			aggregate = append(aggregate, unitCol{c, raw})
		case name == "":
			plain = append(plain, unitCol{c, raw})
		default:
			named = append(named, unitCol{c, name})
		}
	}
	var warns []string
	for _, u := range self {
		warns = append(warns, fmt.Sprintf("%s“%s”是被评单位的自评分，不作为第三方评分导入", letter(u.col), u.name))
	}
	var units []unitCol
	switch {
	case len(plain) == 1 && len(named) == 0 && hi+1 < len(g.rows) && mergedOverNames(header, g.rows[hi+1], plain[0].col, claimed) > 1:
		// 得分 over blank header cells with the units' names in the row below: a merged header saved as CSV.
		sub := g.rows[hi+1]
		for c := plain[0].col; c < plain[0].col+mergedOverNames(header, sub, plain[0].col, claimed); c++ {
			units = append(units, unitCol{c, sub.cell(c)})
		}
		start = hi + 2
	case len(plain) == 1 && len(named) == 0:
		units = []unitCol{{plain[0].col, ""}}
		// Columns of numbers beside the 得分 column (the experts' or districts' scores it was made of)
		// are not read: say so rather than drop them in silence.
		if others, _ := numericColumns(g, hi, claimed, plain, self, aggregate); len(others) > 0 {
			var cs, ns []string
			for _, u := range others {
				cs, ns = append(cs, letter(u.col)), append(ns, u.name)
			}
			warns = append(warns, fmt.Sprintf("%s（%s）也是分数，未导入：已按%s“%s”导入", strings.Join(cs, "、"), strings.Join(ns, "、"), letter(plain[0].col), plain[0].name))
		}
	case len(plain)+len(named) == 1:
		units = []unitCol{{named[0].col, ""}} // "专家评分" alone is the sheet's score
	case len(plain)+len(named) > 1:
		units = append(append(units, plain...), named...)
		names := map[string]bool{}
		distinct := true
		for _, u := range units {
			if names[u.name] || u.name == "" || u.name == header.cell(u.col) {
				distinct = false
			}
			names[u.name] = true
		}
		// 得分 merged over the units' columns, their names in the row below.
		if !distinct && hi+1 < len(g.rows) {
			sub := g.rows[hi+1]
			subNames := map[string]bool{}
			ok := true
			for _, u := range units {
				n := sub.cell(u.col)
				if _, num := parseNumber(n); n == "" || num || subNames[n] {
					ok = false
				}
				subNames[n] = true
			}
			if ok {
				for i := range units {
					units[i].name = sub.cell(units[i].col)
				}
				start = hi + 2
				distinct = true
			}
		}
		if !distinct {
			for i := range units {
				units[i].name = fmt.Sprintf("%s%s", letter(units[i].col), header.cell(units[i].col))
			}
		}
	}
	if len(units) == 0 {
		var empty []unitCol
		units, empty = numericColumns(g, hi, claimed, self, aggregate)
		if len(units) > 0 {
			for _, u := range empty {
				warns = append(warns, fmt.Sprintf("%s“%s”没有填写分数，未导入", letter(u.col), u.name))
			}
		}
	}
	if len(units) == 0 && len(aggregate) > 0 {
		// Only an average of the units: it is the sheet's score.
		units = []unitCol{{aggregate[0].col, ""}}
		warns = append(warns, fmt.Sprintf("表中没有得分列，按%s“%s”作为得分导入", letter(aggregate[0].col), aggregate[0].name))
		aggregate = aggregate[1:]
	}
	if len(units) == 0 {
		hint := ""
		if len(self) > 0 {
			hint = "（自评分不作为第三方评分）"
		}
		return nil, 0, nil, data.InputErrorf("%s：找不到得分列：表头应含 得分、实际得分、评分 或各被评单位的名称（如 东城区、专家1），并在其下填写分数%s。第%d行的表头是：%s",
			g.name, hint, header.num, headerTexts(header))
	}
	for _, u := range aggregate {
		warns = append(warns, fmt.Sprintf("%s“%s”是汇总列，未导入（第三方评估得分由各行重新计算）", letter(u.col), u.name))
	}
	seen := map[string]int{}
	for _, u := range units {
		if c, dup := seen[u.name]; dup {
			return nil, 0, nil, data.InputErrorf("%s：%s和%s都是被评单位“%s”，请改名或删去重复的一列后再导入", g.name, letter(c), letter(u.col), u.name)
		}
		seen[u.name] = u.col
	}
	return units, start, warns, nil
}

// mergedOverNames counts the columns from c that a score header spans when it stands over blank header
// cells and the row below names a distinct unit under each: 0 when it does not.
func mergedOverNames(header, sub gridRow, c int, claimed map[int]bool) int {
	n := 0
	seen := map[string]bool{}
	for i := c; i < len(sub.cells); i++ {
		if i > c && (header.cell(i) != "" || claimed[i]) {
			break
		}
		name := sub.cell(i)
		if _, num := parseNumber(name); name == "" || num || seen[name] {
			break
		}
		seen[name] = true
		n++
	}
	return n
}

// numericColumns are the unit columns of a sheet without score headers: unclaimed headers over columns
// mostly of numbers; and the unclaimed columns with a header and nothing under it.
func numericColumns(g *grid, hi int, claimed map[int]bool, skip ...[]unitCol) (units, empty []unitCol) {
	header := g.rows[hi]
	skipped := map[int]bool{}
	for _, us := range skip {
		for _, u := range us {
			skipped[u.col] = true
		}
	}
	for c := range header.cells {
		h := header.cell(c)
		if claimed[c] || skipped[c] || h == "" || containsAny(h, notScoreWords) || containsAny(h, aggregateWords) || isTotal(h) {
			continue
		}
		if _, num := parseNumber(h); num {
			continue
		}
		filled, nums := 0, 0
		for _, r := range g.rows[hi+1:] {
			v := r.cell(c)
			if v == "" {
				continue
			}
			filled++
			if _, ok := parseNumber(v); ok {
				nums++
			}
		}
		switch {
		case nums > 0 && 2*nums >= filled:
			units = append(units, unitCol{c, h})
		case filled == 0:
			empty = append(empty, unitCol{c, h})
		}
	}
	return units, empty
}

// runningSum is the 分值 and each unit's 得分 added over rows, to check a 小计/合计 row against.
type runningSum struct {
	max    float64
	scores []float64
}

func (s *runningSum) add(mx float64, scores []float64) {
	s.max += mx
	if s.scores == nil {
		s.scores = make([]float64, len(scores))
	}
	for i, v := range scores {
		s.scores[i] += v
	}
}

// ReadAssessment parses a third-party score sheet: the header is found below any title rows, 一级指标 is
// filled down (merged cells, or blank cells under a value), 合计/小计 rows are skipped with a warning
// (and checked against the rows they add up), rows without scores are skipped. A sheet with one score
// column per rated unit gives one Row per unit and indicator. Every bad cell is an InputError naming its
// row and column.
func ReadAssessment(path string) ([]Row, *Summary, string, error) {
	return readAssessment(path, nil)
}

// readAssessment is ReadAssessment keeping only the rated units named in only (all when nil).
func readAssessment(path string, only []string) ([]Row, *Summary, string, error) {
	g, err := readGrid(path)
	if err != nil {
		return nil, nil, "", err
	}
	hi, pos, err := findAssessmentHeader(g)
	if err != nil {
		return nil, nil, "", err
	}
	units, start, unitWarns, err := unitColumns(g, hi, pos)
	if err != nil {
		return nil, nil, "", err
	}
	allUnits := len(units)
	if only != nil {
		if units, err = chooseUnits(g.name, units, only); err != nil {
			return nil, nil, "", err
		}
	}
	sum := &Summary{Format: "assessment-" + g.format, Warnings: append(append([]string{}, g.mended...), unitWarns...)}
	col := func(f string) int {
		if c, ok := pos[f]; ok {
			return c
		}
		return -1
	}
	unitLabel := func(u unitCol) string {
		if u.name == "" {
			return ""
		}
		return "（" + u.name + "）"
	}
	byUnit := make([][]Row, len(units)) // rows are returned unit by unit: one assessment after another
	var all runningSum
	since := map[string]*runningSum{} // per 一级指标, the rows since its last 小计
	indicators := map[string]bool{}
	lastDim := ""
	// Section rows (no 一级指标 column): their names, and the open section's own sub-total, checked
	// against its rows when the section closes.
	var sections []string
	type sectionTotal struct {
		line        int
		label, maxS string
		scoreS      []string
	}
	var pending *sectionTotal
	closeSection := func() {
		if pending == nil {
			return
		}
		ref := since[lastDim]
		if ref == nil {
			ref = &runningSum{}
		}
		sum.Warnings = append(sum.Warnings, checkTotal(pending.line, pending.label, pending.maxS, pending.scoreS, units, ref)...)
		delete(since, lastDim)
		pending = nil
	}
	for _, r := range g.rows[start:] {
		dim, ind, point := r.cell(col("dimension")), r.cell(col("indicator")), r.cell(col("point"))
		maxS := r.cell(col("max"))
		scoreS := make([]string, len(units))
		blank := maxS == ""
		for i, u := range units {
			scoreS[i] = r.cell(u.col)
			blank = blank && scoreS[i] == ""
		}
		if _, ok := pos["dimension"]; !ok {
			t := ind
			if t == "" {
				t = point
			}
			if isSection(r.cell(col("seq")), t) {
				closeSection()
				lastDim = t
				sections = append(sections, fmt.Sprintf("第%d行“%s”", r.num, t))
				if n, ok := parseNumber(maxS); ok && n > 0 {
					pending = &sectionTotal{r.num, t, maxS, scoreS}
				}
				continue
			}
			dim = ""
		}
		if label := firstTotal(r.cell(col("seq")), dim, ind, point); label != "" {
			if blank {
				continue
			}
			closeSection()
			// A bare 合计/总分 outside any dimension adds up the sheet; any other total row (小计, or a total
			// inside a dimension's merged cell) adds up its dimension's rows since that dimension's last total.
			if !strings.Contains(label, "小计") && totalStart.MatchString(stripLabel(label)) && (dim == "" || isTotal(dim)) {
				sum.Warnings = append(sum.Warnings, fmt.Sprintf("第%d行“%s”是合计行，未导入（避免重复计分）", r.num, label))
				sum.Warnings = append(sum.Warnings, checkTotal(r.num, label, maxS, scoreS, units, &all)...)
				since = map[string]*runningSum{}
				continue
			}
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("第%d行“%s”是小计行，未导入（避免重复计分）", r.num, label))
			d := dim
			if d == "" || isTotal(d) {
				d = lastDim
			}
			ref := since[d]
			if ref == nil {
				ref = &runningSum{}
			}
			sum.Warnings = append(sum.Warnings, checkTotal(r.num, label, maxS, scoreS, units, ref)...)
			delete(since, d)
			continue
		}
		if dim == "" {
			dim = lastDim
		}
		lastDim = dim
		if blank {
			continue // a section title or an empty line
		}
		sum.Rows++
		if dim == "" {
			if _, ok := pos["dimension"]; !ok {
				return nil, nil, "", data.InputErrorf("%s：第%d行不知属于哪个一级指标：表头中没有一级指标列，上方也没有“一、执行过程”这样的分段行，请加上一级指标（或维度）列", g.name, r.num)
			}
			return nil, nil, "", data.InputErrorf("%s：%s缺少一级指标（维度），请填写或合并单元格", g.name, cellRef(r.num, col("dimension")))
		}
		switch {
		case ind == "":
			ind = point
		case point != "" && point != ind:
			ind += "—" + point
		}
		mx, ok := parseNumber(maxS)
		if !ok || mx <= 0 {
			return nil, nil, "", data.InputErrorf("%s：%s的分值 %q 应为正数", g.name, cellRef(r.num, col("max")), maxS)
		}
		scores := make([]float64, len(units))
		for i, u := range units {
			if scoreS[i] == "" {
				return nil, nil, "", data.InputErrorf("%s：%s%s缺少得分，请填写 0 到 %g 之间的分数", g.name, cellRef(r.num, u.col), unitLabel(u), mx)
			}
			sc, ok := parseNumber(scoreS[i])
			if !ok {
				return nil, nil, "", data.InputErrorf("%s：%s%s的得分 %q 不是数字，请填写 0 到 %g 之间的分数", g.name, cellRef(r.num, u.col), unitLabel(u), scoreS[i], mx)
			}
			if sc < 0 || sc > mx {
				return nil, nil, "", data.InputErrorf("%s：%s%s的得分 %g 超出 0 到分值 %g 的范围", g.name, cellRef(r.num, u.col), unitLabel(u), sc, mx)
			}
			scores[i] = sc
		}
		all.add(mx, scores)
		if since[dim] == nil {
			since[dim] = &runningSum{}
		}
		since[dim].add(mx, scores)
		for i, u := range units {
			row := Row{Line: r.num, Dimension: dim, Indicator: ind, Max: mx, Score: scores[i], Unit: u.name}
			if i == 0 { // the sheet wrote its problems once, for all units: they are counted once
				row.Problem, row.Suggestion = r.cell(col("problem")), r.cell(col("suggestion"))
			}
			byUnit[i] = append(byUnit[i], row)
		}
		indicators[dim+"\x00"+ind] = true
		if DimensionOf(dim, nil) == "" {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("第%d行的一级指标“%s”不是执行过程、细则标准或取得成效，评分时将不计入（可在评价方案中把维度名称改成它）", r.num, dim))
		}
	}
	closeSection()
	if len(sections) > 0 {
		sum.Warnings = append(sum.Warnings, fmt.Sprintf("表中没有一级指标列，按分段行确定各行的一级指标：%s；分段行上的分值和得分是下面各行的小计，未重复计入", strings.Join(sections, "、")))
	}
	var rows []Row
	for _, us := range byUnit {
		rows = append(rows, us...)
	}
	if len(rows) == 0 {
		return nil, nil, "", data.InputErrorf("%s：表头下没有带分值和得分的指标行", g.name)
	}
	sum.Imported, sum.Questions = sum.Rows, len(indicators)
	if len(units) > 1 || units[0].name != "" {
		var parts []string
		for i, u := range units {
			sum.Units = append(sum.Units, u.name)
			parts = append(parts, fmt.Sprintf("%s %.1f", u.name, 100*all.scores[i]/all.max))
		}
		if len(units) < allUnits {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("本表有 %d 个被评单位，按选择只导入 %d 个，每个单位作为一份第三方评估导入（按百分制：%s）",
				allUnits, len(units), strings.Join(parts, "，")))
		} else {
			sum.Warnings = append(sum.Warnings, fmt.Sprintf("本表有 %d 个被评单位，每个单位作为一份第三方评估导入，评分时取各单位的平均（按百分制：%s）",
				len(units), strings.Join(parts, "，")))
		}
	}
	return rows, sum, g.sha, nil
}

// chooseUnits keeps the units named in only, in the sheet's order; a name the sheet does not have is an
// error listing the ones it has.
func chooseUnits(file string, units []unitCol, only []string) ([]unitCol, error) {
	var names []string
	has := map[string]bool{}
	for _, u := range units {
		names = append(names, u.name)
		has[u.name] = true
	}
	if len(units) == 1 && units[0].name == "" {
		return nil, data.InputErrorf("%s：本表只有一个得分列，没有可选的被评单位，请不要指定被评单位", file)
	}
	want := map[string]bool{}
	for _, n := range only {
		n = strings.TrimSpace(n)
		if !has[n] {
			return nil, data.InputErrorf("%s：表中没有被评单位“%s”，可选的有：%s", file, n, strings.Join(names, "、"))
		}
		want[n] = true
	}
	var out []unitCol
	for _, u := range units {
		if want[u.name] {
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, data.InputErrorf("%s：请至少选择一个被评单位，可选的有：%s", file, strings.Join(names, "、"))
	}
	return out, nil
}

var (
	sectionSeq    = regexp.MustCompile(`^[一二三四五六七八九十]+[、.．]?$`)
	sectionPrefix = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)`)
)

// isSection reports a section row of a sheet without an 一级指标 column: numbered 一, 二 … in 序号, or
// "一、…" / "第一部分…" in the indicator column (not "（一）", the level below), or the bare name of a
// dimension ("执行过程", "取得成效（30分）").
func isSection(seq, text string) bool {
	if text == "" {
		return false
	}
	if sectionSeq.MatchString(seq) || sectionPrefix.MatchString(text) {
		return true
	}
	t := strings.TrimSpace(trailingParen.ReplaceAllString(strings.TrimSpace(text), ""))
	for _, k := range DimensionKeys {
		if t == DimensionNames[k] {
			return true
		}
		for _, a := range dimensionAliases[k] {
			if t == a {
				return true
			}
		}
	}
	return false
}

// firstTotal returns the first of the cells that labels a total row, "" when none does.
func firstTotal(cells ...string) string {
	for _, c := range cells {
		if isTotal(c) {
			return c
		}
	}
	return ""
}

// checkTotal warns when a total row's 分值 or 得分 differs from the rows it adds up; blank or
// non-numeric total cells (a formula saved without its value) are not checked.
func checkTotal(line int, label, maxS string, scoreS []string, units []unitCol, ref *runningSum) []string {
	var out []string
	if v, ok := parseNumber(maxS); ok && math.Abs(v-ref.max) > 0.005 {
		out = append(out, fmt.Sprintf("第%d行“%s”的分值 %g 与所计各行之和 %g 不符，已按各行的分数导入，请核对", line, label, v, ref.max))
	}
	for i, u := range units {
		got := 0.0
		if ref.scores != nil {
			got = ref.scores[i]
		}
		if v, ok := parseNumber(scoreS[i]); ok && math.Abs(v-got) > 0.005 {
			who := "的"
			if u.name != "" {
				who = "中" + u.name + "的"
			}
			out = append(out, fmt.Sprintf("第%d行“%s”%s得分 %g 与所计各行之和 %g 不符，已按各行的分数导入，请核对", line, label, who, v, math.Round(got*100)/100))
		}
	}
	return out
}

// SheetUnits lists the rated units (被评单位) of a score sheet with one score column per unit, in the
// sheet's order; nil for a sheet with one 得分 column. The window asks which of them to import. An
// unreadable or refused sheet is the error ImportAssessment would give.
func SheetUnits(path string) ([]string, error) {
	g, err := readGrid(path)
	if err != nil {
		return nil, err
	}
	hi, pos, err := findAssessmentHeader(g)
	if err != nil {
		return nil, err
	}
	units, _, _, err := unitColumns(g, hi, pos)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, u := range units {
		if u.name != "" {
			names = append(names, u.name)
		}
	}
	return names, nil
}
