package loop

import "github.com/gongping/gongping/data/sheet"

// Sniff reports whether one of the file's first 20 rows names an opinion text column by one of the
// 意见内容 aliases (意见内容, 意见建议, 留言内容, …), as consultation exports have. Unlike the importer it
// does not guess from headers that merely mention 意见 or 建议, which survey and score sheets also have.
// It reads only the top of the file; an unreadable file is not one. Used to route a dropped file.
func Sniff(path string) bool {
	r, err := sheet.Open(path, sheet.Limits{MaxRows: MaxOpinions + 1000, MaxCellBytes: 64 << 10})
	if err != nil {
		return false
	}
	defer r.Close()
	for i := 0; i < 20 && r.Next(); i++ {
		for _, h := range r.Row() {
			k := headerKey(h)
			for _, a := range fieldAliases[fContent] {
				if k == a {
					return true
				}
			}
		}
	}
	return false
}
