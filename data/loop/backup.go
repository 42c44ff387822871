package loop

import (
	"context"

	"github.com/gongping/gongping/data"
)

// DeleteImportWithBackup is DeleteImport after an automatic backup of the workspace (data.WithBackup):
// what the window and the command line call.
func DeleteImportWithBackup(ctx context.Context, s *data.Store, policyID, importID int64) error {
	return s.WithBackup(ctx, data.BackupOpinionDelete, func() error { return DeleteImport(ctx, s, policyID, importID) })
}

// DeleteOpinionsWithBackup is DeleteOpinions after an automatic backup of the workspace: what the window
// and the command line call.
func DeleteOpinionsWithBackup(ctx context.Context, s *data.Store, policyID int64, ids []int64) error {
	return s.WithBackup(ctx, data.BackupOpinionDelete, func() error { return DeleteOpinions(ctx, s, policyID, ids) })
}
