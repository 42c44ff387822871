-- Responses a survey import left out because its round already had them (same respondent id and submit
-- time, from another export of the same survey): deleting the import they duplicate removes them from
-- the round, so the window warns before such a deletion.
ALTER TABLE survey_imports ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
