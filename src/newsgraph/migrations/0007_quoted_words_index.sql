-- The full-text index of quotes holds only their quoted words: a quote broken by its
-- attribution (“A,” she said. “B.”) is indexed as its fragments, without "she said", as
-- `newsgraph quotes --about` already reads it. The index keeps no copy of the text
-- (contentless); a quote's words are removed with the values they were indexed with,
-- read from the view before the quote goes.

DROP TRIGGER IF EXISTS quotes_ai;
DROP TRIGGER IF EXISTS quotes_ad;
DROP TABLE IF EXISTS quotes_fts;

-- Each quote's quoted words: its text, or its fragments joined by a space.
CREATE VIEW quote_words (rowid, words) AS
SELECT q.rowid, CASE q.parts
    WHEN '[]' THEN q.text
    ELSE (SELECT group_concat(substr(q.text, json_extract(p.value, '$[0]') - q.start + 1,
              json_extract(p.value, '$[1]') - json_extract(p.value, '$[0]')), ' ')
          FROM json_each(q.parts) p)
END
FROM quotes q;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    words, content='', tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, words)
    SELECT rowid, words FROM quote_words WHERE rowid = new.rowid;
END;

CREATE TRIGGER quotes_bd BEFORE DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, words)
    SELECT 'delete', rowid, words FROM quote_words WHERE rowid = old.rowid;
END;

INSERT INTO quotes_fts (rowid, words) SELECT rowid, words FROM quote_words;
