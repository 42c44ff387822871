package privacy

import "testing"

func TestScreenQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// Test strings.
		{"测试", QuoteTest},
		{"测试一下", QuoteTest},
		{"这是一条测试数据", QuoteTest},
		{"测试测试", QuoteTest},
		{"ＴＥＳＴ", QuoteTest},
		{"test 123", QuoteTest},
		{"Testing!!!", QuoteTest},
		{"试试", QuoteTest},
		{"asdf", QuoteTest},
		{"asdfasdf", QuoteTest},
		{"qwerty", QuoteTest},
		{"lkjh", QuoteTest},
		{"zxc", QuoteTest},
		{"sdfsdf", QuoteTest},
		{"111", QuoteTest},
		{"123456", QuoteTest},
		{"1", QuoteTest},
		{"啊啊啊", QuoteTest},
		{"哈哈哈哈", QuoteTest},
		{"abcabcabc", QuoteTest},
		{"。。。111", QuoteTest},
		// Personal appeals.
		{"我的电话138****5678，请联系我", QuoteAppeal},
		{"有问题请联系我", QuoteAppeal},
		{"麻烦加我微信详谈", QuoteAppeal},
		{"希望工作人员给我打电话", QuoteAppeal},
		{"请尽快回复我！", QuoteAppeal},
		{"加我QQ", QuoteAppeal},
		// Personal data left after masking.
		{"座机010-65123456，工作日都在", QuotePersonal},
		{"我住在3号楼2单元501室，楼下施工太吵", QuotePersonal},
		{"微信号：zhang_2020", QuotePersonal},
		{"qq 12345678", QuotePersonal},
		// Opinions: quoted.
		{"", ""},
		{"系统测试环节太多，审批慢", ""},
		{"希望公布咨询电话和联系方式", ""},
		{"办理时要求填手机号，太麻烦", ""},
		{"窗口排队时间长，建议增加自助机", ""},
		{"补贴标准100000元偏低", ""},
		{"全市1200000户受益，应扩大宣传", ""},
		{"2026年应继续执行", ""},
		{"good", ""},
		{"ok", ""},
		{"APP 不好用", ""},
		{"加油加油", ""},
		{"希望12345热线响应更快", ""},
		{"第3条第2款表述不清", ""},
		{"建议在微信公众号上公布办事指南", ""},
	} {
		if got := ScreenQuote(c.in); got != c.want {
			t.Errorf("ScreenQuote(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// What the masker leaves of a phone or an ID number in an appeal is still an appeal; masking alone is not
// enough to quote it.
func TestScreenQuoteAfterMasking(t *testing.T) {
	for _, in := range []string{"我的电话13812345678请联系我", "身份证110105194912310021，请回电"} {
		if got := ScreenQuote(Mask(in)); got != QuoteAppeal {
			t.Errorf("ScreenQuote(Mask(%q)) = %q (masked %q), want %q", in, got, Mask(in), QuoteAppeal)
		}
	}
}
