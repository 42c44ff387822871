-- Foundation: policies and the statutory parts of the closed loop that need no imported data.
CREATE TABLE policies (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    doc_no        TEXT NOT NULL DEFAULT '',          -- 文号
    dept          TEXT NOT NULL CHECK (length(dept) BETWEEN 1 AND 200), -- 承办单位
    category      TEXT NOT NULL,                      -- one of data.Categories
    stage         TEXT NOT NULL DEFAULT 'needs',      -- one of data.Stages
    draft_date    TEXT,                               -- 起草日期 YYYY-MM-DD
    issued        TEXT,                               -- 印发日期 YYYY-MM-DD
    uses_officers INTEGER NOT NULL DEFAULT 0,         -- the policy appoints 政策体验官
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- 公开征求意见: one comment period per policy.
CREATE TABLE consultations (
    policy_id INTEGER PRIMARY KEY REFERENCES policies(id) ON DELETE CASCADE,
    start     TEXT NOT NULL,
    end       TEXT NOT NULL,
    channel   TEXT NOT NULL DEFAULT '',
    contact   TEXT NOT NULL DEFAULT '',
    CHECK (end >= start)
);

-- 需求征集 activities held before drafting.
CREATE TABLE needs (
    id          INTEGER PRIMARY KEY,
    policy_id   INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    channel     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    count       INTEGER NOT NULL DEFAULT 0 CHECK (count >= 0)
);
CREATE INDEX needs_policy ON needs(policy_id);

-- 政府常务会议 attended by public representatives.
CREATE TABLE meetings (
    id    INTEGER PRIMARY KEY,
    date  TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    reps  INTEGER NOT NULL CHECK (reps >= 0)
);
CREATE INDEX meetings_date ON meetings(date);

-- 政策体验官 roster.
CREATE TABLE officers (
    id        INTEGER PRIMARY KEY,
    policy_id INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    UNIQUE (policy_id, name)
);

-- 评价轮次: surveys, assessments and officer feedback belong to a round.
CREATE TABLE rounds (
    id         INTEGER PRIMARY KEY,
    policy_id  INTEGER NOT NULL REFERENCES policies(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    UNIQUE (policy_id, name)
);
