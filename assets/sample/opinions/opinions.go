// Package opinions embeds the bundled sample consultation export (opinions.xlsx): public comments on the
// draft of the demo's 营商环境 policy. The file is written by the generator in gen/.
package opinions

import _ "embed"

//go:generate go run ./gen -o opinions.xlsx

// XLSX is opinions.xlsx.
//
//go:embed opinions.xlsx
var XLSX []byte
