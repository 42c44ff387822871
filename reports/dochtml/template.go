package dochtml

// pageTemplate is the page. Blocks follow one another as siblings of main, so that the print
// layout breaks between them; a table is preceded by its caption and followed by its note. The
// body is followed by the list of attachments, the 落款, the colophon and then each attachment
// after a page break, headed by its label and title.
const pageTemplate = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="referrer" content="no-referrer">
<title>{{.DocTitle}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<main>
{{- if .Title}}
<h1 class="title{{if .Subtitle}} sub{{end}}">{{range $i, $l := .Title}}{{if $i}}<br>{{end}}{{$l}}{{end}}</h1>
{{- end}}
{{- if .Subtitle}}
<p class="subtitle">{{.Subtitle}}</p>
{{- end}}
{{- if .Addressee}}
<p class="addressee">{{.Addressee}}</p>
{{- end}}
{{- template "blocks" .Blocks}}
{{- if .Annexes}}
<div class="annexes">
{{- range .Annexes}}
<p class="{{.Class}}">{{.Text}}</p>
{{- end}}
</div>
{{- end}}
{{- if or .Issuers .Date}}
<div class="signature"><div class="block{{if not .Issuers}} alone{{end}}">
{{- range .Issuers}}
<p class="issuer">{{.}}</p>
{{- end}}
{{- if .Date}}
<p class="date">{{.Date}}</p>
{{- end}}
</div></div>
{{- end}}
{{- range .Colophon}}
<p class="colophon">{{.}}</p>
{{- end}}
{{- range .Attached}}
<div class="pagebreak"></div>
<p class="annex-label">{{.Label}}</p>
{{- if .Title}}
<h2 class="annex-title">{{.Title}}</h2>
{{- end}}
{{- template "blocks" .Blocks}}
{{- end}}
</main>
{{- range .Scripts}}
<script>{{.}}</script>
{{- end}}
</body>
</html>
{{- define "blocks"}}
{{- range .}}
{{- if eq .Kind "h"}}
{{- if eq .Level 1}}
<h2 class="h h1{{if .Body}} runin{{end}}">{{template "heading" .}}</h2>
{{- else if eq .Level 2}}
<h3 class="h h2{{if .Body}} runin{{end}}">{{template "heading" .}}</h3>
{{- else if eq .Level 3}}
<h4 class="h h3{{if .Body}} runin{{end}}">{{template "heading" .}}</h4>
{{- else}}
<h5 class="h h4{{if .Body}} runin{{end}}">{{template "heading" .}}</h5>
{{- end}}
{{- else if eq .Kind "p"}}
{{- range .Lines}}
<p>{{.}}</p>
{{- end}}
{{- else if eq .Kind "table"}}
{{- if .Caption}}
<p class="caption">{{if .Label}}{{.Label}}{{"\u3000"}}{{end}}{{.Caption}}</p>
{{- end}}
<table width="{{.Width}}">
<colgroup>{{range .Cols}}<col width="{{.Width}}">{{end}}</colgroup>
<thead><tr>{{range .Cols}}<th>{{range $i, $l := .Title}}{{if $i}}<br>{{end}}{{$l}}{{end}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr{{if .Tall}} class="tall"{{end}}>{{range .Cells}}<td{{if .Align}} class="{{.Align}}"{{end}}>{{range $i, $l := .Lines}}{{if $i}}<br>{{end}}{{$l}}{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- if .Source}}
<p class="source">资料来源：{{.Source}}</p>
{{- end}}
{{- else if eq .Kind "figure"}}
<figure class="figure">
{{- if .Option}}
<div class="chart" data-option="{{.Option}}">
{{- end}}
{{- if .SVG}}
{{.SVG}}
{{- else}}
<img src="{{.PNG}}" width="{{.PNGW}}" height="{{.PNGH}}" alt="{{.Alt}}">
{{- end}}
{{- if .Option}}
</div>
{{- end}}
{{- if .Caption}}
<figcaption>{{if .Label}}{{.Label}}{{"\u3000"}}{{end}}{{.Caption}}</figcaption>
{{- end}}
{{- if .Source}}
<p class="source">资料来源：{{.Source}}</p>
{{- end}}
</figure>
{{- else if eq .Kind "break"}}
<div class="pagebreak"></div>
{{- end}}
{{- end}}
{{- end}}
{{- define "heading"}}{{.Lead}}{{if .Body}}<span class="run">{{.Body}}</span>{{end}}{{end}}
`
