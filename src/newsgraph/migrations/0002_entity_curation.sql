-- Co-mentioned entities for the resolver's tie-breaks, and manual curation that later
-- ingests respect: merged ids redirect to the entity that absorbed them; split-off names
-- are remembered with the entity they now belong to.

ALTER TABLE entities ADD COLUMN context TEXT NOT NULL DEFAULT '{}';  -- JSON {name key: count}

CREATE TABLE entity_redirects (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE
);

CREATE TABLE entity_splits (
    entity TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias_key TEXT NOT NULL,
    from_entity TEXT NOT NULL,
    PRIMARY KEY (alias_key, from_entity)
);
