-- The fragments of a quote broken by its attribution (“A,” she said. “B.”): the quote's
-- start..end covers the attribution too, its parts only the quoted words. Quotes stored
-- before this version read as one piece.

ALTER TABLE quotes ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';  -- JSON [[start, end], ...]
