package docx

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gongping/gongping/reports/doc"
)

// go test ./reports/docx -run RenderSample -render DIR writes DIR/notice.docx, a realistic
// three-page 采纳情况说明, for looking at with soffice --headless --convert-to pdf and pdftoppm.
var renderDir = flag.String("render", "", "write the sample notice.docx into this directory")

func TestRenderSample(t *testing.T) {
	if *renderDir == "" {
		t.Skip("no -render directory")
	}
	var b bytes.Buffer
	if err := Write(&b, notice(t)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*renderDir, "notice.docx"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// svg.docx: an SVG alone (blue), then a red PNG with a green SVG beside it; a reader that
	// honours the SVG extension shows green, one that does not shows red.
	svg := func(fill string) []byte {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><rect width="300" height="100" fill="` + fill + `"/></svg>`)
	}
	b.Reset()
	if err := Write(&b, &doc.Document{Title: "SVG", Blocks: []doc.Block{
		doc.Figure{Caption: "SVG alone", SVG: svg("#2980B9"), WidthCM: 9},
		doc.Figure{Caption: "PNG with SVG", PNG: barChart(t, []float64{50}), SVG: svg("#27AE60"), WidthCM: 9},
	}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*renderDir, "svg.docx"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// hostile.docx: control characters, markup and a 30,000-character run in every field.
	b.Reset()
	if err := Write(&b, hostileDoc(t, strings.Repeat("长", 20000)+strings.Repeat("x", 10000))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*renderDir, "hostile.docx"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNoticeWrites keeps the realistic sample valid even when nobody renders it.
func TestNoticeWrites(t *testing.T) {
	parseAll(t, write(t, notice(t)))
}

// barChart draws a bar chart of the values (0–100) with horizontal grid lines, as a PNG.
func barChart(t testing.TB, values []float64) []byte {
	const w, h, left, bottom, top = 960, 540, 80, 60, 30
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	grey := color.RGBA{0xD0, 0xD0, 0xD0, 0xFF}
	for v := 0; v <= 100; v += 20 {
		y := h - bottom - (h-bottom-top)*v/100
		draw.Draw(img, image.Rect(left, y, w-30, y+1), image.NewUniform(grey), image.Point{}, draw.Src)
	}
	draw.Draw(img, image.Rect(left-2, top, left, h-bottom), image.Black, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(left, h-bottom, w-30, h-bottom+2), image.Black, image.Point{}, draw.Src)
	colors := []color.RGBA{{0xC0, 0x39, 0x2B, 0xFF}, {0x29, 0x80, 0xB9, 0xFF}, {0x27, 0xAE, 0x60, 0xFF}, {0xF3, 0x9C, 0x12, 0xFF}, {0x8E, 0x44, 0xAD, 0xFF}}
	slot := (w - 30 - left) / len(values)
	for i, v := range values {
		x := left + i*slot + slot/4
		y := h - bottom - int(float64(h-bottom-top)*v/100)
		draw.Draw(img, image.Rect(x, y, x+slot/2, h-bottom), image.NewUniform(colors[i%len(colors)]), image.Point{}, draw.Src)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func notice(t testing.TB) *doc.Document {
	opinions := [][]string{
		{"建议将申报期限由15个工作日延长至30个工作日，便于小微企业准备材料。", "采纳", "已将第五条申报期限修改为30个工作日。"},
		{"建议取消纸质材料报送，全部实行网上办理。", "部分采纳", "除需现场核验的原件外，其余材料均可网上提交，见第八条。"},
		{"建议明确补贴资金的拨付时限，避免企业长期垫资。", "采纳", "第十二条增加“审核通过后20个工作日内拨付”，并规定逾期未拨付的说明义务。"},
		{"建议扩大政策适用范围至个体工商户。", "未采纳", "个体工商户已有专项扶持政策，本办法不再重复规定。"},
		{"建议公布咨询电话和受理窗口地址。", "采纳", "已在附件中列明各区受理窗口及咨询电话。"},
		{"建议对连续三年获得补贴的企业开展绩效评估。", "部分采纳", "第十五条增加绩效评估要求，评估周期另行规定。"},
		{"建议降低申报门槛，将营业收入下限由500万元调整为300万元。", "未采纳", "经测算，调整后资金需求超出年度预算，暂不调整。"},
		{"建议在评审环节引入第三方机构并公开评审结果。", "采纳", "第十条明确委托第三方机构评审，结果在政府网站公示5个工作日。"},
		{"建议对申报材料中涉及的商业秘密予以保护。", "采纳", "第十九条增加信息保密条款。"},
		{"建议增加对违规获取补贴行为的处理规定。", "采纳", "第二十条规定追回资金并纳入信用记录。"},
	}
	rows := make([][]string, len(opinions))
	for i, o := range opinions {
		rows[i] = append([]string{strconv.Itoa(i + 1)}, o...)
	}
	p := func(s string) doc.Block { return doc.Paragraph{Text: s} }
	return &doc.Document{
		Title:     "关于《某某市促进中小企业发展资金\n管理办法（征求意见稿）》公开征求意见\n采纳情况的说明",
		Addressee: "各有关单位、社会各界",
		Blocks: []doc.Block{
			p("根据《北京市深化政务公开扩大公众参与工作办法》有关要求，我局于2026年9月1日至9月30日，通过市政府门户网站、政务服务热线和座谈会等渠道，就《某某市促进中小企业发展资金管理办法（征求意见稿）》公开征求意见。现将采纳情况说明如下。"),
			doc.Heading{Level: 1, Number: "一、", Text: "征求意见基本情况"},
			p("征求意见期间，共收到来自56位社会公众、企业代表和行业协会的意见建议128条。经梳理合并，形成较为集中的意见建议10类，主要涉及申报期限、办理方式、资金拨付、适用范围、评审程序和信息保护等方面。"),
			doc.Heading{Level: 2, Number: "（一）", Text: "意见来源"},
			p("从渠道看，通过门户网站提交的意见86条，占67.2%；通过政务服务热线反映的意见25条，占19.5%；在座谈会上提出的意见17条，占13.3%。"),
			doc.Heading{Level: 2, Number: "（二）", Text: "意见处理原则"},
			p("对每一条意见建议，我局均逐条研究，坚持依法依规、统筹兼顾、切实可行的原则，能采纳的尽量采纳；对未予采纳的意见，逐一说明理由。"),
			doc.Heading{Level: 1, Number: "二、", Text: "意见采纳情况"},
			p("在128条意见建议中，采纳76条，部分采纳31条，未采纳18条，不予处理3条（与本办法内容无关）。较为集中的意见及采纳情况见表1，各类意见数量见图1。"),
			doc.Table{
				Caption: "较为集中的意见建议及采纳情况",
				Columns: []doc.Column{
					{Title: "序号", WidthCM: 1.3, Align: doc.AlignCenter},
					{Title: "意见建议（摘要）", WidthCM: 6},
					{Title: "采纳情况", WidthCM: 2.2, Align: doc.AlignCenter},
					{Title: "理由或说明"},
				},
				Rows:   rows,
				Source: "某某市人民政府门户网站“政策性文件意见征集”栏目、12345政务服务热线、座谈会记录",
			},
			doc.Figure{Caption: "各类意见建议数量占比", PNG: barChart(t, []float64{72, 55, 38, 24, 15}), WidthCM: 10,
				Source: "公开征求意见记录，按意见类别统计"},
			doc.Heading{Level: 1, Number: "三、", Text: "下一步工作"},
			doc.Heading{Level: 3, Number: "1.", Text: "抓好政策解读。", Body: "通过专题培训和“政策体验官”走访，帮助企业用好政策。"},
			doc.Heading{Level: 4, Number: "（1）", Text: "跟踪执行效果。"},
			p("实施一年后开展政策执行效果公众评价，结果向社会公开。"),
			p("衷心感谢社会各界对本办法制定工作的关心和支持！"),
		},
		Signature: doc.Signature{Issuer: "某某市经济和信息化局", Date: time.Date(2026, 10, 20, 0, 0, 0, 0, time.Local)},
		Colophon:  "本说明所列意见均经去除个人信息后公开。",
	}
}
