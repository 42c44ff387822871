// Package echarts embeds the unmodified ECharts 5.6.0 library (npm package echarts, dist/echarts.min.js)
// with its LICENSE and NOTICE, so that the HTML report can inline it and never fetch anything.
// It is a vendored dependency: never edit these files by hand; refresh them with `go generate`.
package echarts

import _ "embed"

//go:generate sh -c "npm pack --silent echarts@5.6.0 >/dev/null && tar -xzf echarts-5.6.0.tgz package/LICENSE package/NOTICE package/dist/echarts.min.js && mv package/LICENSE package/NOTICE package/dist/echarts.min.js . && rm -rf package echarts-5.6.0.tgz"

// Version is the vendored ECharts version.
const Version = "5.6.0"

// MinJS is dist/echarts.min.js.
//
//go:embed echarts.min.js
var MinJS string

// License is the Apache-2.0 LICENSE shipped with the package (it also lists bundled third-party code).
//
//go:embed LICENSE
var License string

// Notice is the package's NOTICE file.
//
//go:embed NOTICE
var Notice string
