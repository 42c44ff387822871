-- Survey import (社情民意调查). One row per imported file, one per question of a round, one per response.
-- Answers are packed per response (see data/survey_store.go): one row per answer would be ~13x slower.

-- One imported file. layout and dicts describe how this file's answer blobs decode (JSON, see
-- data.QuestionLayout); the same file (by SHA-256) is imported at most once per round.
CREATE TABLE survey_imports (
    id          INTEGER PRIMARY KEY,
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    rows        INTEGER NOT NULL DEFAULT 0,   -- data rows read (empty rows not counted)
    imported    INTEGER NOT NULL DEFAULT 0,   -- responses stored
    warnings    TEXT NOT NULL DEFAULT '[]',   -- JSON array of strings
    layout      TEXT NOT NULL DEFAULT '[]',   -- JSON []data.QuestionLayout
    dicts       TEXT NOT NULL DEFAULT '[]',   -- JSON [][]string: per slot, the interned values
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    UNIQUE (round_id, sha256)
);

-- The questions of a round in questionnaire order: the union of its imports' questions by key.
CREATE TABLE survey_questions (
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,               -- 0-based questionnaire order
    key      TEXT NOT NULL,                  -- "Q3", "Q5.2", "Q7.other" (see data/survey.go)
    num      INTEGER NOT NULL,
    text     TEXT NOT NULL,
    type     TEXT NOT NULL,
    options  TEXT NOT NULL DEFAULT '[]',     -- JSON array of strings
    PRIMARY KEY (round_id, pos),
    UNIQUE (round_id, key)
);

-- One respondent's submission. answers is the packed blob of the import's slots.
CREATE TABLE survey_responses (
    id         INTEGER PRIMARY KEY,
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    import_id  INTEGER NOT NULL REFERENCES survey_imports(id) ON DELETE CASCADE,
    row_num    INTEGER NOT NULL,             -- row in the source file, for tracing
    submitted  TEXT,                         -- "2006-01-02 15:04:05" Beijing time, NULL when unknown
    duration   REAL,                         -- seconds, NULL when unknown
    ip         TEXT NOT NULL DEFAULT '',
    respondent TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    answers    BLOB NOT NULL
);
CREATE INDEX survey_responses_round ON survey_responses(round_id, id);
