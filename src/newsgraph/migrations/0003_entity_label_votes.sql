-- How many mentions of a corpus entity carry each label: its label is the majority's, so
-- that one article where the model calls a platform a person does not relabel it.

ALTER TABLE entities ADD COLUMN labels TEXT NOT NULL DEFAULT '{}';  -- JSON {label: mentions}
