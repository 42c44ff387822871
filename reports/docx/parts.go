package docx

import (
	"bytes"
	"strconv"
	"strings"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsSVG     = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// Paragraph style ids. The built-in ones (Normal, Title, Heading1–4, Caption, Footer) keep Word's
// ids so the navigation pane, the table of contents and WPS's 样式 list treat them as what they are.
const (
	styleNormal    = "Normal"
	styleTitle     = "Title"
	styleSubtitle  = "Subtitle"
	styleAddressee = "Addressee"
	styleCaption   = "Caption"
	styleTableText = "TableText"
	styleTableHead = "TableHeading"
	styleSource    = "Source"
	styleFigure    = "Figure"
	styleSignature = "Signature"
	styleColophon  = "Colophon"
	// The 附件说明 under the body, and each attachment's label and title.
	styleAttachments     = "AttachmentList"
	styleAttachmentLabel = "AttachmentLabel"
	styleAttachmentTitle = "AttachmentTitle"
)

// Fonts. Each CJK font is set for all scripts; body text sets Latin and digits in Times New Roman.
const (
	fontBody  = `<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:hint="eastAsia"/>`
	fontTitle = `<w:rFonts w:ascii="FZXiaoBiaoSong-B05S" w:eastAsia="方正小标宋简体" w:hAnsi="FZXiaoBiaoSong-B05S" w:cs="Times New Roman"/>`
	fontHei   = `<w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体" w:cs="Times New Roman"/>`
	fontKai   = `<w:rFonts w:ascii="楷体_GB2312" w:eastAsia="楷体_GB2312" w:hAnsi="楷体_GB2312" w:cs="Times New Roman"/>`
	fontSong  = `<w:rFonts w:ascii="宋体" w:eastAsia="宋体" w:hAnsi="宋体" w:cs="Times New Roman"/>`
)

const (
	noIndent   = `<w:ind w:firstLine="0" w:firstLineChars="0"/>`
	noCondense = `<w:spacing w:val="0"/>` // styles not in the 16 pt body size keep their natural spacing
)

func style(id, name, basedOn, ppr, rpr string) string {
	s := `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>`
	if basedOn != "" {
		s += `<w:basedOn w:val="` + basedOn + `"/><w:next w:val="Normal"/>`
	}
	s += `<w:qFormat/>`
	if ppr != "" {
		s += `<w:pPr>` + ppr + `</w:pPr>`
	}
	if rpr != "" {
		s += `<w:rPr>` + rpr + `</w:rPr>`
	}
	return s + `</w:style>`
}

func sz(halfPoints int) string {
	v := strconv.Itoa(halfPoints)
	return `<w:sz w:val="` + v + `"/><w:szCs w:val="` + v + `"/>`
}

var pitch = strconv.Itoa(linePitch)

// stylesXML: sizes in half-points — 二号 44, 三号 32, 四号 28, 小四 24, 五号 21.
var stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr>` + fontBody + `<w:kern w:val="2"/>` + sz(32) +
	`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="` + pitch + `" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:ind w:firstLine="` + strconv.Itoa(2*charW) + `" w:firstLineChars="200"/></w:pPr>` +
	`<w:rPr><w:spacing w:val="` + strconv.Itoa(condense) + `"/>` + sz(32) + `</w:rPr></w:style>` +
	style(styleTitle, "Title", "Normal", `<w:keepNext/><w:snapToGrid w:val="0"/>`+noIndent+`<w:jc w:val="center"/>`, fontTitle+noCondense+sz(44)) +
	style(styleSubtitle, "Subtitle", "Normal", `<w:keepNext/><w:snapToGrid w:val="0"/>`+noIndent+`<w:jc w:val="center"/>`, fontKai) +
	style(styleAddressee, "主送机关", "Normal", noIndent+`<w:jc w:val="left"/>`, "") +
	style("Heading1", "heading 1", "Normal", `<w:keepNext/><w:outlineLvl w:val="0"/>`, fontHei) +
	style("Heading2", "heading 2", "Normal", `<w:keepNext/><w:outlineLvl w:val="1"/>`, fontKai) +
	style("Heading3", "heading 3", "Normal", `<w:keepNext/><w:outlineLvl w:val="2"/>`, `<w:b/><w:bCs/>`) +
	style("Heading4", "heading 4", "Normal", `<w:keepNext/><w:outlineLvl w:val="3"/>`, `<w:b/><w:bCs/>`) +
	style(styleCaption, "caption", "Normal", `<w:snapToGrid w:val="0"/>`+noIndent+`<w:jc w:val="center"/>`, fontHei+noCondense+sz(28)) +
	style(styleTableText, "表格文字", "Normal", `<w:snapToGrid w:val="0"/><w:spacing w:line="360" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="left"/>`, noCondense+sz(24)) +
	style(styleTableHead, "表格标题行", styleTableText, `<w:jc w:val="center"/>`, fontHei) +
	style(styleSource, "资料来源", "Normal", `<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:after="120" w:line="360" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="left"/>`, noCondense+sz(24)) +
	style(styleFigure, "图片", "Normal", `<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="120" w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`, "") +
	style(styleSignature, "落款", "Normal", `<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`+noIndent+`<w:jc w:val="left"/>`, "") +
	style(styleAttachments, "附件说明", "Normal", noIndent+`<w:jc w:val="left"/>`, "") +
	style(styleAttachmentLabel, "附件标识", "Normal", `<w:keepNext/>`+noIndent+`<w:jc w:val="left"/>`, fontHei) +
	style(styleAttachmentTitle, "附件标题", styleTitle, `<w:spacing w:before="`+pitch+`" w:after="`+pitch+`"/><w:outlineLvl w:val="0"/>`, "") +
	style(styleColophon, "附注", "Normal", `<w:snapToGrid w:val="0"/><w:spacing w:line="300" w:lineRule="exact"/>`+noIndent+`<w:jc w:val="left"/>`, noCondense+sz(21)) +
	style("Footer", "footer", "Normal", `<w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/>`+noIndent+`<w:jc w:val="center"/>`, fontSong+noCondense+sz(28)) +
	`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
	`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`</w:styles>`

// sectPr: one A4 section; odd pages use footer1 (number on the right), even pages footer2 (left).
var sectPr = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/>` +
	`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>` +
	`<w:pgMar w:top="` + strconv.Itoa(marginTop) + `" w:right="` + strconv.Itoa(marginR) + `" w:bottom="` + strconv.Itoa(marginBot) +
	`" w:left="` + strconv.Itoa(marginL) + `" w:header="851" w:footer="` + strconv.Itoa(footerDist) + `" w:gutter="0"/>` +
	`<w:pgNumType w:start="1"/><w:cols w:space="425"/>` +
	`<w:docGrid w:type="lines" w:linePitch="` + pitch + `"/></w:sectPr>`

// footer is "— N —" with N a PAGE field; side is "right" (odd pages) or "left" (even pages),
// one 14 pt character in from the edge of the text block (GB/T 9704-2012 7.5).
func footer(side string) string {
	field := `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/>` +
		`<w:ind w:` + side + `="280"/><w:jc w:val="` + side + `"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` + field + `<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}

const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/>` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`

// fontTable gives each CJK font its GB2312 character set, PANOSE class and usual substitute, which
// Word and WPS use when the font is not installed. 方正小标宋简体 is described as 宋体 is, so a
// reader without it sees the title in 宋体 (regular: OOXML cannot make a fallback bold).
var fontTableXML = func() string {
	font := func(name, alt, panose, charset, family, pitch string) string {
		s := `<w:font w:name="` + name + `">`
		if alt != "" {
			s += `<w:altName w:val="` + alt + `"/>`
		}
		return s + `<w:panose1 w:val="` + panose + `"/><w:charset w:val="` + charset + `"/><w:family w:val="` + family +
			`"/><w:pitch w:val="` + pitch + `"/></w:font>`
	}
	return xmlHeader + `<w:fonts xmlns:w="` + nsW + `">` +
		font("Times New Roman", "", "02020603050405020304", "00", "roman", "variable") +
		font("仿宋_GB2312", "仿宋", "02010609030101010101", "86", "modern", "fixed") +
		font("方正小标宋简体", "宋体", "02010600030101010101", "86", "auto", "variable") +
		font("FZXiaoBiaoSong-B05S", "宋体", "02010600030101010101", "86", "auto", "variable") +
		font("黑体", "SimHei", "02010609060101010101", "86", "modern", "fixed") +
		font("楷体_GB2312", "楷体", "02010609030101010101", "86", "modern", "fixed") +
		font("宋体", "SimSun", "02010600030101010101", "86", "auto", "variable") +
		`</w:fonts>`
}()

// parts lists every file of the package, [Content_Types].xml first (some readers want it so).
func (p *pkg) parts() []part {
	var ct, rels bytes.Buffer
	ct.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	seen := map[string]bool{}
	for _, m := range p.media {
		ext := m.name[strings.LastIndexByte(m.name, '.')+1:]
		if !seen[ext] {
			seen[ext] = true
			ct.WriteString(`<Default Extension="` + ext + `" ContentType="` + m.ctype + `"/>`)
		}
	}
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/fontTable.xml", wml + "fontTable+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/word/footer2.xml", wml + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
	} {
		ct.WriteString(`<Override PartName="` + o[0] + `" ContentType="` + o[1] + `"/>`)
	}
	ct.WriteString(`</Types>`)

	rels.WriteString(xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rIdStyles" Type="` + relDoc + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdSettings" Type="` + relDoc + `settings" Target="settings.xml"/>` +
		`<Relationship Id="rIdFonts" Type="` + relDoc + `fontTable" Target="fontTable.xml"/>` +
		`<Relationship Id="rIdFooterOdd" Type="` + relDoc + `footer" Target="footer1.xml"/>` +
		`<Relationship Id="rIdFooterEven" Type="` + relDoc + `footer" Target="footer2.xml"/>`)
	for _, m := range p.media {
		rels.WriteString(`<Relationship Id="` + m.rID + `" Type="` + relDoc + `image" Target="media/` + m.name + `"/>`)
	}
	rels.WriteString(`</Relationships>`)

	root := xmlHeader + `<Relationships xmlns="` + nsRel + `">` +
		`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`

	out := []part{
		{"[Content_Types].xml", ct.Bytes()},
		{"_rels/.rels", []byte(root)},
		{"docProps/core.xml", p.core()},
		{"word/document.xml", p.body.Bytes()},
		{"word/_rels/document.xml.rels", rels.Bytes()},
		{"word/styles.xml", []byte(stylesXML)},
		{"word/settings.xml", []byte(settingsXML)},
		{"word/fontTable.xml", []byte(fontTableXML)},
		{"word/footer1.xml", []byte(footer("right"))},
		{"word/footer2.xml", []byte(footer("left"))},
	}
	for _, m := range p.media {
		out = append(out, part{"word/media/" + m.name, m.data})
	}
	return out
}

// core holds the document's title and issuer as its properties (shown by 文件 → 属性); no
// application name, no generation time, nothing the reader did not write.
func (p *pkg) core() []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">`)
	b.WriteString(`<dc:title>`)
	esc(&b, joinLines(p.d.Title))
	b.WriteString(`</dc:title><dc:creator>`)
	esc(&b, oneLine(p.d.Signature.Issuer))
	b.WriteString(`</dc:creator></cp:coreProperties>`)
	return b.Bytes()
}
