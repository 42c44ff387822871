-- The closed loop: public opinions, their clusters, adoption decisions, publications (frozen snapshots)
-- and revision records. Published rows are frozen by triggers, so no code path can change them in place;
-- the WHEN EXISTS(policy) guards still let a whole policy be deleted (its cascade runs after the parent row is gone).

-- Per-policy settings of the loop; a policy without a row uses the defaults in data/loop.
CREATE TABLE loop_settings (
    policy_id        INTEGER PRIMARY KEY REFERENCES policies(id) ON DELETE CASCADE,
    similarity       REAL    NOT NULL CHECK (similarity > 0 AND similarity <= 1), -- clustering threshold
    concentrated_min INTEGER NOT NULL CHECK (concentrated_min BETWEEN 2 AND 100000) -- 较为集中 at ≥ this many
);

-- One imported batch of opinions: a consultation export file or the open-text answers of a survey round.
CREATE TABLE opinion_imports (
    id          INTEGER PRIMARY KEY,
    policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    file_name   TEXT NOT NULL DEFAULT '',
    fingerprint TEXT NOT NULL, -- sha256 of the file, or "round:<id>" for a survey round
    rows        INTEGER NOT NULL,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (policy_id, fingerprint)
);

-- A group of opinions making the same point. manual: shaped by the user, so re-clustering keeps it.
CREATE TABLE clusters (
    id        INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    manual    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX clusters_policy ON clusters(policy_id);

-- 意见建议. submitter and contact are personal data: stored, never published.
CREATE TABLE opinions (
    id         INTEGER PRIMARY KEY,
    policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    import_id  INTEGER REFERENCES opinion_imports(id) ON DELETE CASCADE,
    source     TEXT NOT NULL CHECK (source IN ('consultation','survey','manual','hotline','officer')),
    seq        TEXT NOT NULL DEFAULT '',  -- 序号 in the source
    content    TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 5000),
    submitted  TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD[ HH:MM[:SS]] or ''
    submitter  TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    clauses    TEXT NOT NULL DEFAULT '',  -- normalised clause references joined by '、'
    cluster_id INTEGER REFERENCES clusters(id) ON DELETE SET NULL,
    pinned     INTEGER NOT NULL DEFAULT 0 -- placed in its cluster by the user; re-clustering never moves it
);
CREATE INDEX opinions_policy ON opinions(policy_id);
CREATE INDEX opinions_cluster ON opinions(cluster_id);

-- A publication (feedback = 采纳情况反馈, evaluation = 评价报告和修订情况): a dated, versioned, frozen snapshot.
CREATE TABLE publications (
    id         INTEGER PRIMARY KEY,
    policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    what       TEXT NOT NULL CHECK (what IN ('feedback','evaluation')),
    version    INTEGER NOT NULL CHECK (version >= 1),
    date       TEXT NOT NULL,
    snapshot   TEXT NOT NULL, -- JSON of exactly what was published
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (policy_id, what, version)
);
CREATE TRIGGER publications_no_update BEFORE UPDATE ON publications
BEGIN SELECT RAISE(ABORT, 'frozen: a publication cannot be changed'); END;
CREATE TRIGGER publications_no_delete BEFORE DELETE ON publications
WHEN EXISTS (SELECT 1 FROM policies WHERE id = OLD.policy_id)
BEGIN SELECT RAISE(ABORT, 'frozen: a publication cannot be deleted'); END;

-- 采纳情况 of a cluster or of one opinion. A draft is edited in place; once published (publication_id set)
-- a row is frozen and a change is a new row that amends it.
CREATE TABLE decisions (
    id             INTEGER PRIMARY KEY,
    policy_id      INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    cluster_id     INTEGER REFERENCES clusters(id) ON DELETE CASCADE,
    opinion_id     INTEGER REFERENCES opinions(id) ON DELETE CASCADE,
    decision       TEXT NOT NULL CHECK (decision IN ('采纳','部分采纳','未采纳','不予处理')),
    reason         TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL,
    amends         INTEGER REFERENCES decisions(id),
    publication_id INTEGER REFERENCES publications(id),
    CHECK ((cluster_id IS NULL) <> (opinion_id IS NULL))
);
CREATE INDEX decisions_cluster ON decisions(cluster_id);
CREATE INDEX decisions_opinion ON decisions(opinion_id);
CREATE TRIGGER decisions_frozen_update BEFORE UPDATE ON decisions
WHEN OLD.publication_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'frozen: a published decision cannot be changed'); END;
CREATE TRIGGER decisions_frozen_delete BEFORE DELETE ON decisions
WHEN OLD.publication_id IS NOT NULL AND EXISTS (SELECT 1 FROM policies WHERE id = OLD.policy_id)
BEGIN SELECT RAISE(ABORT, 'frozen: a published decision cannot be deleted'); END;

-- Reusable reasons for decisions (workspace-wide).
CREATE TABLE reason_templates (
    id   INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE CHECK (length(text) BETWEEN 1 AND 500)
);
INSERT INTO reason_templates (text) VALUES
    ('已在政策文件中予以体现'),
    ('部分内容已吸收，其余内容将在实施细则中研究完善'),
    ('与上位法规定不一致，暂不采纳'),
    ('不属于本政策调整范围，已转相关部门研究办理'),
    ('现行政策已有规定，无需重复规定'),
    ('涉及财政资金安排，需统筹研究，暂不采纳'),
    ('意见内容与征求意见稿无关');

-- 修订记录: append-only. An edit is a new version of the same record; nothing is updated or deleted,
-- except that publication_id is set once when an evaluation publication freezes the version.
CREATE TABLE revisions (
    id             INTEGER PRIMARY KEY,
    policy_id      INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    record         INTEGER NOT NULL, -- id of the record's first version
    version        INTEGER NOT NULL CHECK (version >= 1),
    clause         TEXT NOT NULL CHECK (length(clause) BETWEEN 1 AND 100),
    before         TEXT NOT NULL,
    after          TEXT NOT NULL,
    reason         TEXT NOT NULL,
    findings       TEXT NOT NULL DEFAULT '[]', -- JSON array of evaluation findings answered
    opinions       TEXT NOT NULL DEFAULT '[]', -- JSON array of opinion ids answered
    clusters       TEXT NOT NULL DEFAULT '[]', -- JSON array of cluster ids answered
    date           TEXT NOT NULL,
    withdrawn      INTEGER NOT NULL DEFAULT 0,
    publication_id INTEGER REFERENCES publications(id),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (record, version)
);
CREATE INDEX revisions_policy ON revisions(policy_id);
CREATE TRIGGER revisions_append_only BEFORE UPDATE ON revisions
WHEN OLD.publication_id IS NOT NULL OR NEW.publication_id IS NULL
  OR NEW.record <> OLD.record OR NEW.version <> OLD.version OR NEW.clause <> OLD.clause
  OR NEW.before <> OLD.before OR NEW.after <> OLD.after OR NEW.reason <> OLD.reason
  OR NEW.findings <> OLD.findings OR NEW.opinions <> OLD.opinions OR NEW.clusters <> OLD.clusters
  OR NEW.date <> OLD.date OR NEW.withdrawn <> OLD.withdrawn OR NEW.policy_id <> OLD.policy_id
BEGIN SELECT RAISE(ABORT, 'append-only: a revision record cannot be changed; add a new version'); END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM policies WHERE id = OLD.policy_id)
BEGIN SELECT RAISE(ABORT, 'append-only: a revision record cannot be deleted'); END;
