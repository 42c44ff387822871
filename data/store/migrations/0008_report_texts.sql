-- What the team writes and chooses for a round's evaluation report (issue 16 §2): the opening text of a
-- section as the team edited it, the report's settings, and the open answers not to be quoted. Scoring
-- never writes these tables, so re-scoring keeps them; an evaluation publication copies them into its
-- snapshot (data/loop), so what was published can be made again.

-- The team's text of one section, in place of the draft written from the numbers. 恢复为自动草稿 deletes
-- the row.
CREATE TABLE report_texts (
    round_id   INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    section    TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 40),
    text       TEXT NOT NULL CHECK (length(text) <= 20000),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    PRIMARY KEY (round_id, section)
);

-- 报告设置 of a round: 评估机构, 委托单位, the report date, the optional parts left out.
CREATE TABLE report_settings (
    round_id     INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    issuer       TEXT NOT NULL DEFAULT '' CHECK (length(issuer) <= 200),
    commissioner TEXT NOT NULL DEFAULT '' CHECK (length(commissioner) <= 200),
    date         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD, '' while not set
    parts_off    TEXT NOT NULL DEFAULT '[]', -- JSON array of part keys (data.ReportParts) left out
    updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);

-- The team's choice about quoting one open answer: excluded (不引用), or quoted against the automatic
-- proposal (excluded = 0). An answer without a row follows the proposal. Deleting the import deletes them.
CREATE TABLE quote_choices (
    response_id INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question    TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 100), -- question key, "Q7", "Q7.other"
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    excluded    INTEGER NOT NULL CHECK (excluded IN (0, 1)),
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),
    PRIMARY KEY (response_id, question)
);
CREATE INDEX quote_choices_round ON quote_choices(round_id);
