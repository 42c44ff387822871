// Command cmd writes the bundled sample survey into assets/sample (run from the repository root:
// `go run ./assets/sample/gensurvey/cmd`).
package main

import (
	"log"
	"path/filepath"

	"github.com/gongping/gongping/assets/sample/gensurvey"
)

func main() {
	if err := gensurvey.Write(filepath.Join("assets", "sample", gensurvey.File)); err != nil {
		log.Fatal(err)
	}
}
