package reports

import (
	"io"

	"github.com/gongping/gongping/reports/dochtml"
	"github.com/gongping/gongping/reports/docx"
)

// WriteHTML writes the evaluation report as one self-contained, printable HTML page (reports/dochtml):
// nothing loaded from anywhere, every text escaped, every chart a static SVG drawn in Go, so a content
// system that strips scripts publishes it whole. Where scripts run, the inlined ECharts library draws the
// same charts over their SVG (dochtml.Options.Charts); print keeps the SVG.
func WriteHTML(w io.Writer, r *Report) error {
	d, err := evaluationDocument(r, forHTML)
	if err != nil {
		return err
	}
	return dochtml.WriteOptions(w, d, dochtml.Options{Charts: true})
}

// WriteDOCX writes the evaluation report as a Word document laid out as GB/T 9704 asks (reports/docx), the
// charts as PNG pictures (SVG where no Chinese font is installed to draw them).
func WriteDOCX(w io.Writer, r *Report) error {
	d, err := evaluationDocument(r, forDOCX)
	if err != nil {
		return err
	}
	return docx.Write(w, d)
}
