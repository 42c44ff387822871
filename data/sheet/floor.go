package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
)

// ScanFloor inflates an xlsx file's first sheet and shared strings and counts the '<' in them: the least
// any reader must do, so benchmarks measure readers and imports against it. It returns the tag count.
func ScanFloor(path string) (int, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0, err
	}
	defer zr.Close()
	buf := make([]byte, 256<<10)
	tags := 0
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return 0, err
		}
		for {
			n, err := rc.Read(buf)
			tags += bytes.Count(buf[:n], []byte{'<'})
			if err == io.EOF {
				break
			}
			if err != nil {
				rc.Close()
				return 0, err
			}
		}
		rc.Close()
	}
	if tags == 0 {
		return 0, errors.New("no sheet XML found")
	}
	return tags, nil
}
