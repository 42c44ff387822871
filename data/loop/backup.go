package loop

import (
	"context"

	"github.com/gongping/gongping/data/store"
)

// DeleteImportWithBackup is DeleteImport after an automatic backup of the workspace (store.Store.WithBackup):
// what the window and the command line call.
func DeleteImportWithBackup(ctx context.Context, s *store.Store, policyID, importID int64) error {
	return s.WithBackup(ctx, store.BackupOpinionDelete, func() error { return DeleteImport(ctx, s, policyID, importID) })
}

// DeleteOpinionsWithBackup is DeleteOpinions after an automatic backup of the workspace: what the window
// and the command line call.
func DeleteOpinionsWithBackup(ctx context.Context, s *store.Store, policyID int64, ids []int64) error {
	return s.WithBackup(ctx, store.BackupOpinionDelete, func() error { return DeleteOpinions(ctx, s, policyID, ids) })
}
