-- The type a user chose for a question of a round (题型: single, multi, text…), applied to every later file
-- of the same survey imported into that round (see data/survey_types.go).
CREATE TABLE survey_type_choices (
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    key      TEXT NOT NULL,                  -- question key, "Q5", "Q5.2"
    type     TEXT NOT NULL,
    PRIMARY KEY (round_id, key)
);
-- A response its platform marks as not finished (LimeSurvey's empty submitdate, 问卷网 未完成…): stored,
-- and excluded by screening as 未完成 unless restored by hand.
ALTER TABLE survey_responses ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0;
