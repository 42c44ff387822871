package docx_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/gongping/gongping/reports/doc"
	"github.com/gongping/gongping/reports/docx"
)

func ExampleWrite() {
	d := &doc.Document{
		Title:     "关于《某某办法（征求意见稿）》公开征求意见采纳情况的说明",
		Addressee: "各有关单位",
		Blocks: []doc.Block{
			doc.Heading{Level: 1, Number: "一、", Text: "征求意见基本情况"},
			doc.Paragraph{Text: "2026年10月1日至10月30日，我局通过政府网站公开征求意见，共收到意见建议42条。"},
			doc.Table{
				Caption: "意见建议采纳情况",
				Columns: []doc.Column{
					{Title: "序号", WidthCM: 1.5, Align: doc.AlignCenter},
					{Title: "意见建议（摘要）"},
					{Title: "采纳情况", WidthCM: 2.5, Align: doc.AlignCenter},
					{Title: "理由或说明"},
				},
				Rows:   [][]string{{"1", "延长申报期限", "采纳", "已修改第五条"}},
				Source: "公开征求意见平台",
			},
		},
		Signature: doc.Signature{Issuer: "某某市某某局", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)},
	}
	var b bytes.Buffer // an *os.File in real use
	if err := docx.Write(&b, d); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b.Len() > 0)
	// Output: true
}
