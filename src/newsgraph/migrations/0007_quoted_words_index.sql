-- The full-text index of quotes holds only their quoted words: a quote broken by its
-- attribution (“A,” she said. “B.”) is indexed as its fragments, without "she said", as
-- `newsgraph quotes --about` already reads it. The index keeps no copy of the text
-- (contentless); the triggers remove a quote's words with the values they indexed.

DROP TRIGGER IF EXISTS quotes_ai;
DROP TRIGGER IF EXISTS quotes_ad;
DROP TABLE IF EXISTS quotes_fts;

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    words, content='', tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, words) VALUES (new.rowid, CASE new.parts
        WHEN '[]' THEN new.text
        ELSE (SELECT group_concat(substr(new.text, json_extract(p.value, '$[0]') - new.start + 1,
                  json_extract(p.value, '$[1]') - json_extract(p.value, '$[0]')), ' ')
              FROM json_each(new.parts) p)
    END);
END;

CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, words) VALUES ('delete', old.rowid, CASE old.parts
        WHEN '[]' THEN old.text
        ELSE (SELECT group_concat(substr(old.text, json_extract(p.value, '$[0]') - old.start + 1,
                  json_extract(p.value, '$[1]') - json_extract(p.value, '$[0]')), ' ')
              FROM json_each(old.parts) p)
    END);
END;

INSERT INTO quotes_fts (rowid, words)
SELECT rowid, CASE parts
    WHEN '[]' THEN text
    ELSE (SELECT group_concat(substr(text, json_extract(p.value, '$[0]') - start + 1,
              json_extract(p.value, '$[1]') - json_extract(p.value, '$[0]')), ' ')
          FROM json_each(parts) p)
END
FROM quotes;
