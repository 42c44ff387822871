-- Evaluation (评价): the scheme of each policy, third-party assessment rows, 体验官 feedback, and the hand
-- decisions about survey responses (restore one screening excluded, or exclude one).

-- 评价方案: the JSON form of score.Scheme, one per policy.
CREATE TABLE schemes (
    policy_id  INTEGER PRIMARY KEY REFERENCES policies(id) ON DELETE CASCADE,
    json       TEXT NOT NULL CHECK (length(json) <= 4194304),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- One imported third-party score sheet; the same file (by SHA-256) at most once per round.
CREATE TABLE assessment_imports (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    warnings    TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (round_id, sha256)
);

-- 第三方评估: one indicator row (一级指标 filled down from merged cells).
CREATE TABLE assessment_rows (
    id         INTEGER PRIMARY KEY,
    import_id  INTEGER NOT NULL REFERENCES assessment_imports(id) ON DELETE CASCADE,
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    line       INTEGER NOT NULL,
    dimension  TEXT NOT NULL,
    indicator  TEXT NOT NULL DEFAULT '',
    max_score  REAL NOT NULL CHECK (max_score > 0),
    score      REAL NOT NULL CHECK (score >= 0 AND score <= max_score),
    problem    TEXT NOT NULL DEFAULT '',
    suggestion TEXT NOT NULL DEFAULT ''
);
CREATE INDEX assessment_rows_round ON assessment_rows(round_id, id);

CREATE TABLE officer_imports (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    scale       INTEGER NOT NULL CHECK (scale IN (5, 100)), -- the sheet's score scale
    warnings    TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (round_id, sha256)
);

-- 体验官 feedback: scores already on 0–100 (NULL when not given).
CREATE TABLE officer_feedback (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL REFERENCES officer_imports(id) ON DELETE CASCADE,
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    line        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    date        TEXT NOT NULL DEFAULT '',
    process     REAL CHECK (process BETWEEN 0 AND 100),
    standards   REAL CHECK (standards BETWEEN 0 AND 100),
    results     REAL CHECK (results BETWEEN 0 AND 100),
    problems    TEXT NOT NULL DEFAULT '',
    suggestions TEXT NOT NULL DEFAULT ''
);
CREATE INDEX officer_feedback_round ON officer_feedback(round_id, id);

-- Hand decisions about survey responses. Screening itself is recomputed from the data and the scheme on
-- every run, so a response is never deleted: restore = 1 keeps it whatever the rules say, restore = 0
-- excludes it by hand.
CREATE TABLE response_overrides (
    response_id INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    restore     INTEGER NOT NULL CHECK (restore IN (0, 1)),
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX response_overrides_round ON response_overrides(round_id);
