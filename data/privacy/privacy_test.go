package privacy

import (
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// mobile numbers
		{"电话13812345678", "电话138****5678"},
		{"电话：138-1234-5678。", "电话：138****5678。"},
		{"138 1234 5678", "138****5678"},
		{"+86 13812345678", "138****5678"},
		{"+86-138-1234-5678", "138****5678"},
		{"0086 13912345678", "139****5678"},
		{"8613812345678", "138****5678"},
		{"手机１３８１２３４５６７８", "手机138****5678"},
		{"＋８６　１５９－１２３４－５６７８", "159****5678"},
		{"a,19912345678,b", "a,199****5678,b"},
		{"(+86)13812345678", "(+86)138****5678"},
		{"+86 138 1234 5678", "138****5678"},
		{"固话010-12345678不是手机", "固话010-12345678不是手机"},
		// not mobile numbers
		{"订单号12345678901", "订单号12345678901"},           // 12x is not a mobile prefix
		{"单号013812345678", "单号013812345678"},           // glued to another digit
		{"138123456789", "138123456789"},               // 12 digits
		{"NO13812345678", "NO138****5678"},             // letters glued to a number do not protect it (issue 11)
		{"NO013812345678", "NO013812345678"},           // but a digit does
		{"1381234567", "1381234567"},                   // 10 digits
		{"2026-01-15 10:30:45", "2026-01-15 10:30:45"}, // date and time
		// ID numbers (11010519491231002X is the standard's example; 110105194912310021 fails the check but
		// has a real province and birth date: a mistyped ID, removed too; 110105203001011234 is born in 2030)
		{"身份证11010519491231002X", "身份证" + IDRemoved},
		{"身份证11010519491231002x号", "身份证" + IDRemoved + "号"},
		{"１１０１０５１９４９１２３１００２Ｘ", IDRemoved},
		{"号码110105194912310021", "号码" + IDRemoved},
		{"号码110105203001011234", "号码110105203001011234"},
		{"旧证110105491231002", "旧证" + IDRemoved},
		{"流水号999999999999999", "流水号999999999999999"}, // 15 digits, no region/date
		// e-mail
		{"邮箱zhangsan@example.com。", "邮箱z***@example.com。"},
		{"写信到 li.si+gp@mail.gov.cn", "写信到 l***@mail.gov.cn"},
		{"13812345678@qq.com", "1***@qq.com"},
		{"ｚｈａｎｇ＠ｑｑ．ｃｏｍ", "z***@qq.com"},
		{"a@b", "a@b"},
		// IP addresses
		{"来自IP 61.135.169.121 的提交", "来自IP 61.135.*.* 的提交"},
		{"版本1.2.3", "版本1.2.3"},
		{"256.1.1.1", "256.1.1.1"},
		{"地址2001:db8:85a3::8a2e:370:7334结束", "地址2001:db8:*结束"},
		{"fe80::1ff:fe23:4567:890a", "fe80:1ff:*"},
		{"::1", "::1"},
		{"时间 12:30:45", "时间 12:30:45"},
		// no personal data
		{"", ""},
		{"办事很方便，点赞！", "办事很方便，点赞！"},
	} {
		if got := Mask(tc.in); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestValidID18(t *testing.T) {
	for s, want := range map[string]bool{
		"11010519491231002X": true,
		"110105194912310021": false,
		"440524188001010014": true,
		"440524188001010015": false,
		"4405241880010100":   false,
		"44052418800101001X": false,
	} {
		if got := ValidID18(s); got != want {
			t.Errorf("ValidID18(%s) = %v, want %v", s, got, want)
		}
	}
}

func TestNames(t *testing.T) {
	m := NewMasker("张伟", "欧阳娜娜", "张伟民", "R0012", "李", "John Smith")
	for _, tc := range []struct{ in, want string }{
		{"张伟反映办事慢", "张*反映办事慢"},
		{"张伟民和张伟", "张*和张*"},
		{"欧阳娜娜说", "欧阳*说"},
		{"李先生", "李先生"}, // one-character names are ignored
		{"John Smith wrote", "J* wrote"},
		{"张伟 13812345678", "张* 138****5678"},
	} {
		if got := m.Mask(tc.in); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	c := m.Count("张伟电话13812345678，邮箱a@b.cn，IP 1.2.3.4，身份证11010519491231002X")
	want := Counts{Phones: 1, IDs: 1, Emails: 1, IPs: 1, Names: 1}
	if c != want {
		t.Errorf("Count = %+v, want %+v", c, want)
	}
	if c.Total() != 5 {
		t.Errorf("Total = %d", c.Total())
	}
	for in, want := range map[string]string{"张伟": "张*", "欧阳娜娜": "欧阳*", "欧阳": "欧*", "司马光": "司马*", " 王 ": "王*", "": ""} {
		if got := MaskName(in); got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
	}
	for s, want := range map[string]bool{"张伟": true, "欧阳娜娜": true, "司马光": true, "R0012": false, "wx_123": false,
		"John Smith": true, "非常满意的服务啊": false, "企业": false, "匿名用户": false, "微信用户": false} {
		if got := LooksLikeName(s); got != want {
			t.Errorf("LooksLikeName(%q) = %v", s, got)
		}
	}
}

func TestIsPersonalColumn(t *testing.T) {
	for h, want := range map[string]bool{
		"来自IP": true, "ipaddr": true, "IP": true, "姓名": true, "3、您的手机号码": true, "提交人": true,
		"5、您对办事效率是否满意": false, "VIP服务": false, "ua": true, "来源": false, "token": true,
	} {
		if got := IsPersonalColumn(h); got != want {
			t.Errorf("IsPersonalColumn(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestMaskNeverGrowsUnbounded(t *testing.T) {
	// Hostile input: long runs of digits and separators must not blow up or panic.
	s := strings.Repeat("1 3-8", 20000) + strings.Repeat("@", 1000) + strings.Repeat(":", 1000)
	if out := Mask(s); len(out) > 2*len(s) {
		t.Fatalf("output grew to %d bytes", len(out))
	}
}

func BenchmarkMask(b *testing.B) {
	s := "办理营业执照很快，窗口工作人员态度好，联系电话13812345678，建议增加自助终端。"
	m := NewMasker("张伟", "李秀英")
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		m.Mask(s)
	}
}

// BenchmarkMaskManyNames: a round with 50,000 distinct submitter names, masking a long comment full of
// surname characters and e-mail addresses (must stay linear in the text).
func BenchmarkMaskManyNames(b *testing.B) {
	m := NewMasker()
	sur := []rune("王李张刘陈杨黄赵吴周")
	giv := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英")
	for i := 0; i < 50000; i++ {
		m.AddName(string([]rune{sur[i%len(sur)], giv[i/len(sur)%len(giv)], giv[i/(len(sur)*len(giv))%len(giv)]}))
	}
	s := strings.Repeat("王老师和张同学反映a@b.cn办事难，", 2000)
	b.SetBytes(int64(len(s)))
	for i := 0; i < b.N; i++ {
		m.Mask(s)
	}
}
