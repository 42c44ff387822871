package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/gongping/gongping/data"
)

// ClusterRecords lists a policy's clusters as stored, by id; an opinion names its cluster (Opinions).
func (s *Store) ClusterRecords(ctx context.Context, policyID int64) ([]data.ClusterRecord, error) {
	return clusterRecords(ctx, s.db, policyID)
}

// ClusterRecords is Store.ClusterRecords inside the transaction.
func (tx *Tx) ClusterRecords(ctx context.Context, policyID int64) ([]data.ClusterRecord, error) {
	return clusterRecords(ctx, tx.tx, policyID)
}

func clusterRecords(ctx context.Context, q querier, policyID int64) ([]data.ClusterRecord, error) {
	out, err := queryAll(ctx, q, func(rows *sql.Rows, c *data.ClusterRecord) error {
		c.PolicyID = policyID
		return rows.Scan(&c.ID, &c.Manual)
	}, `SELECT id, manual FROM clusters WHERE policy_id=? ORDER BY id`, policyID)
	if err != nil {
		return nil, fmt.Errorf("load clusters of policy %d: %w", policyID, err)
	}
	return out, nil
}

// HasCluster tells whether id is one of the policy's clusters (empty or not).
func (tx *Tx) HasCluster(ctx context.Context, policyID, id int64) (bool, error) {
	var n int
	err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE id=? AND policy_id=?`, id, policyID).Scan(&n)
	return n > 0, err
}

// AddCluster creates an empty cluster of the policy, shaped by the user when manual, and returns its id.
func (tx *Tx) AddCluster(ctx context.Context, policyID int64, manual bool) (int64, error) {
	res, err := tx.tx.ExecContext(ctx, `INSERT INTO clusters (policy_id, manual) VALUES (?,?)`, policyID, manual)
	if err != nil {
		return 0, fmt.Errorf("add cluster: %w", err)
	}
	return res.LastInsertId()
}

// DeleteCluster removes a cluster with its (draft) decisions; its opinions are left in no cluster.
func (tx *Tx) DeleteCluster(ctx context.Context, id int64) error {
	if _, err := tx.tx.ExecContext(ctx, `DELETE FROM clusters WHERE id=?`, id); err != nil {
		return fmt.Errorf("drop cluster %d: %w", id, err)
	}
	return nil
}

// MarkClusterManual records that the user shaped the cluster: re-clustering keeps it.
func (tx *Tx) MarkClusterManual(ctx context.Context, id int64) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE clusters SET manual=1 WHERE id=?`, id)
	return err
}

// UnmarkClustersManual forgets the user's shaping of every cluster of the policy.
func (tx *Tx) UnmarkClustersManual(ctx context.Context, policyID int64) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE clusters SET manual=0 WHERE policy_id=?`, policyID)
	return err
}

// MoveClusterMembers puts every opinion of cluster from into cluster to.
func (tx *Tx) MoveClusterMembers(ctx context.Context, from, to int64) error {
	_, err := tx.tx.ExecContext(ctx, `UPDATE opinions SET cluster_id=? WHERE cluster_id=?`, to, from)
	return err
}
