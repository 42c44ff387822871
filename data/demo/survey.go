package demo

import (
	"context"
	"os"
	"path/filepath"

	"github.com/gongping/gongping/assets/sample/gensurvey"
	"github.com/gongping/gongping/data/ingest"
	"github.com/gongping/gongping/data/store"
)

// surveyStep imports the sample 问卷星 export (480 respondents of a 营商环境 satisfaction survey) into the
// round "2026年度" through the real importer, as a user would.
func surveyStep(ctx context.Context, s *store.Store, policyID int64) error {
	dir, err := os.MkdirTemp("", "gongping-demo-survey-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, gensurvey.File)
	if err := gensurvey.Write(path); err != nil {
		return err
	}
	_, err = ingest.Import(ctx, s, ingest.Options{PolicyID: policyID, Round: RoundName, Path: path}, nil)
	return err
}
