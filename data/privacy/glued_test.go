package privacy

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// 110105199003071239 passes GB 11643; 110105199003071238 and 320102198001011234 do not (mistyped IDs:
// real province code, plausible birth date, wrong check digit).

// TestMaskGlued: personal data glued to letters or to each other (issue 11, item 4).
func TestMaskGlued(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// letter prefixes
		{"tel13812345678", "tel138****5678"},
		{"TEL13812345678", "TEL138****5678"},
		{"QQ13812345678", "QQ138****5678"},
		{"qq13812345678", "qq138****5678"},
		{"wx13812345678", "wx138****5678"},
		{"微信13812345678", "微信138****5678"},
		{"vx:13812345678", "vx:138****5678"},
		{"No13812345678", "No138****5678"},
		{"tel+8613812345678", "tel138****5678"},
		{"ID110105199003071239", "ID" + IDRemoved},
		{"sfz110105199003071239", "sfz" + IDRemoved},
		{"SFZ11010519491231002X", "SFZ" + IDRemoved},
		{"ID110105491231002", "ID" + IDRemoved},
		{"IP192.168.1.100", "IP192.168.*.*"},
		{"ip:192.168.1.100", "ip:192.168.*.*"},
		{"IPfe80::1ff:fe23:4567:890a", "IPfe80:1ff:*"},
		{"地址2001:db8::8a2e:370:7334:端口", "地址2001:db8:*:端口"},
		{"地址2001:db8::8a2e:370:7334.", "地址2001:db8:*."},
		// letter suffixes, and letters on both sides: letters never make a boundary, only digits do
		{"13812345678abc", "138****5678abc"},
		{"abc13812345678abc", "abc138****5678abc"},
		{"110105199003071239abc", IDRemoved + "abc"},
		{"192.168.1.100abc", "192.168.*.*abc"},
		// numbers run together
		{"1381234567813912345678", "138****5678139****5678"},
		{"电话1381234567813912345678。", "电话138****5678139****5678。"},
		{"138123456781391234567815012345678", "138****5678139****5678150****5678"},
		{"13812345678110105199003071239", "138****5678" + IDRemoved},
		{"11010519900307123913812345678", IDRemoved + "138****5678"},
		{"11010519491231002X13812345678", IDRemoved + "138****5678"},
		{"1381234567811010519491231002X", "138****5678" + IDRemoved},
		{"+861381234567813912345678", "138****5678139****5678"},
		{"00861381234567813912345678", "138****5678139****5678"},
		{"tel861381234567813912345678", "tel138****5678139****5678"},
		{"１３８１２３４５６７８１３９１２３４５６７８", "138****5678139****5678"},
		// a grouped number running into an e-mail (this panicked before: overlapping matches)
		{"138 1234 5678@qq.com", "138****5678***@qq.com"},
		{"138 1234 5678ab@qq.com", "138****5678a***@qq.com"},
		// ID numbers written in groups
		{"110105 19900307 1239", IDRemoved},
		{"110105-19900307-1239", IDRemoved},
		{"身份证：110105 1990 0307 1239。", "身份证：" + IDRemoved + "。"},
		{"110105－19491231－002X", IDRemoved},
		// mistyped IDs: real province, plausible birth date, wrong check digit
		{"身份证110105199003071238", "身份证" + IDRemoved},
		{"320102198001011234", IDRemoved},
		{"110105 19900307 1238", IDRemoved},
		{"号码110105194912310021", "号码" + IDRemoved},
	} {
		if got := Mask(tc.in); got != tc.want {
			t.Errorf("Mask(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestMaskNoFalsePositives: order numbers, 文号, dates and amounts in ordinary comments stay as they are.
func TestMaskNoFalsePositives(t *testing.T) {
	for _, s := range []string{
		"2026年3月1日", "京政发〔2026〕12号", "金额13800元", "补贴1,380,000元", "13800138元",
		"流水号62220212345678901234",   // 20 digits
		"序列号1234567890123456789012", // 22 digits, not two mobile numbers
		"订单号202603011234567890",     // 18 digits, no province 20
		"110105203001011234",        // birth year in the future
		"990105199003071238",        // no province 99
		"110105199013071234",        // month 13
		"110105199002301234",        // 30 February
		"622202123456789012",        // province 62, but no birth date
		"2026-01-15 10:30:45", "20260301", "2026.03.01", "No.20260301001", "SN2026030112345",
		"单号013812345678", "138123456789", "1381234567", "AB1381234567890", "订单号12345678901",
		"v1.2.3.4", "V2.0.1.3版本", "ver1.2.3.4", "版本1.2.3", "91110108MA01ABCD2X", "GB11643-1999",
		"iPhone13", "QQ群123456789", "13812345678139123456789", "0138123456781391234567",
		"IPv6地址未知", "1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa",
		"1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa:bbbb:cccc", "时间 12:30:45", "::1", "std::vector",
	} {
		if got := Mask(s); got != s {
			t.Errorf("Mask(%q) = %q, want it unchanged", s, got)
		}
	}
}

// TestReportsPath checks what reports/model.go actually calls for every published text (report.html and
// report.xlsx are both written from the one Report that Assemble masks): NewMasker with the known names,
// AddName, then MaskCount. The masked text and the counts must agree with Mask / Count.
func TestReportsPath(t *testing.T) {
	m := NewMasker("张伟")
	m.AddName("欧阳娜娜")
	in := "张伟留言：tel13812345678，QQ13912345678，ID110105199003071239，sfz110105-19900307-1239，" +
		"IP192.168.1.100，1381234567813912345678，欧阳娜娜 110105199003071238"
	want := "张*留言：tel138****5678，QQ139****5678，ID" + IDRemoved + "，sfz" + IDRemoved +
		"，IP192.168.*.*，138****5678139****5678，欧阳* " + IDRemoved
	out, c := m.MaskCount(in)
	if out != want {
		t.Errorf("MaskCount:\n got %q\nwant %q", out, want)
	}
	if wc := (Counts{Phones: 4, IDs: 3, IPs: 1, Names: 2}); c != wc {
		t.Errorf("counts = %+v, want %+v", c, wc)
	}
	if m.Mask(in) != out || m.Count(in) != c {
		t.Error("Mask/Count disagree with MaskCount")
	}
}

// realisticComments is about n bytes of survey comments: mostly Chinese prose, with dates, 文号, amounts,
// order numbers and, now and then, a phone number, ID number, e-mail or IP address.
func realisticComments(n int) string {
	parts := []string{
		"办理营业执照很快，窗口工作人员态度好，建议增加自助终端。",
		"根据京政发〔2026〕12号文件，2026年3月1日起执行，补贴标准为13800元，希望尽快落实到位。",
		"我在2026-01-15 10:30:45提交的申请，订单号202603011234567890，至今没有回复。",
		"联系电话13812345678，微信wx13912345678，有问题请联系。",
		"政策宣传不到位，很多企业不知道可以申请，建议通过社区、网格员多宣传。",
		"身份证110105199003071239，邮箱zhangsan@example.com，来自IP192.168.1.100。",
		"流水号62220212345678901234已退回，请核实。版本v1.2.3.4的App经常闪退。",
		"希望简化材料，减少跑腿次数，线上办理的流程说明要写清楚一些，谢谢！",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(parts[i%len(parts)])
		if i%5 == 0 {
			fmt.Fprintf(&b, "第%d条意见。", i)
		}
	}
	return b.String()
}

// BenchmarkMask1MB masks about 1 MB of realistic comment text, as reports do (a masker with names).
func BenchmarkMask1MB(b *testing.B) {
	s := realisticComments(1 << 20)
	m := NewMasker("张伟", "李秀英", "欧阳娜娜")
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Mask(s)
	}
}

// BenchmarkMaskDigits1MB: a hostile megabyte of digits, letters and separators (must stay linear).
func BenchmarkMaskDigits1MB(b *testing.B) {
	s := strings.Repeat("13812345678a110105 19900307 1239-", 1<<20/33)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Mask(s)
	}
}

// FuzzMask: no input panics; Mask, Count and MaskCount agree; valid UTF-8 stays valid; masking is
// idempotent (what one pass publishes, a second pass finds nothing new in).
func FuzzMask(f *testing.F) {
	for _, s := range []string{"tel13812345678", "1381234567813912345678", "110105 19900307 1239", "IP192.168.1.100",
		"138 1234 5678@qq.com", "+861381234567813912345678", "11010519491231002X13812345678", "fe80::1ff:fe23:4567:890a",
		"v1.2.3.4", "张伟 zhang@example.com", "１３８１２３４５６７８", strings.Repeat("1 3-8", 20)} {
		f.Add(s)
	}
	m := NewMasker("张伟", "欧阳娜娜")
	f.Fuzz(func(t *testing.T, s string) {
		out, c := m.MaskCount(s)
		if m.Mask(s) != out || m.Count(s) != c {
			t.Fatalf("Mask/Count/MaskCount disagree on %q", s)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Mask(%q) = %q: invalid UTF-8", s, out)
		}
		if again := m.Mask(out); again != out {
			t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
		}
	})
}
