-- Every scheme a policy has had (评价方案历史), append-only like revision records: saving a scheme adds a
-- version, restoring an old one adds a copy of it as the newest version. `schemes` keeps the current one.
CREATE TABLE scheme_versions (
    id        INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    json      TEXT NOT NULL CHECK (length(json) <= 4194304),
    source    TEXT NOT NULL DEFAULT '', -- the file it came from, 窗口, or 恢复第 N 版
    saved_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (policy_id, version)
);
CREATE TRIGGER scheme_versions_no_update BEFORE UPDATE ON scheme_versions
BEGIN SELECT RAISE(ABORT, 'frozen: a scheme version cannot be changed'); END;
CREATE TRIGGER scheme_versions_no_delete BEFORE DELETE ON scheme_versions
WHEN EXISTS (SELECT 1 FROM policies WHERE id = OLD.policy_id)
BEGIN SELECT RAISE(ABORT, 'frozen: a scheme version cannot be deleted'); END;

-- The scheme each policy has now is its first version.
INSERT INTO scheme_versions (policy_id, version, json, source, saved_at)
SELECT policy_id, 1, json, '', updated_at FROM schemes;
