// Command cmd writes the sample assessment and 体验官 sheets into assets/sample/ (run from the repo root):
//
//	go run ./assets/sample/genscoring/cmd
package main

import (
	"log"
	"path/filepath"

	"github.com/gongping/gongping/assets/sample/genscoring"
)

func main() {
	dir := filepath.Join("assets", "sample")
	if err := genscoring.WriteAssessment(filepath.Join(dir, genscoring.AssessmentFile)); err != nil {
		log.Fatal(err)
	}
	if err := genscoring.WriteOfficers(filepath.Join(dir, genscoring.OfficersFile)); err != nil {
		log.Fatal(err)
	}
}
