-- Initial schema: documents with full-text search, corpus entities with aliases and
-- blocking keys, per-article entities, mentions and quotes.

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    origin TEXT,
    url TEXT,
    title TEXT,
    source TEXT,
    author TEXT,
    published TEXT,
    updated TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    segments TEXT NOT NULL  -- JSON [[start, end, language], ...]
);
CREATE INDEX documents_published ON documents (published);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title, text, content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    mentions INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_label ON entities (label, documents);

CREATE TABLE entity_aliases (
    entity TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, alias)
);

CREATE TABLE entity_roles (
    entity TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, role)
);

-- Blocking keys: how the resolver finds candidate entities for a new name.
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    entity TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    PRIMARY KEY (key, entity)
);
CREATE INDEX entity_keys_entity ON entity_keys (entity);

CREATE TABLE local_entities (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    aliases TEXT NOT NULL,  -- JSON list
    roles TEXT NOT NULL,    -- JSON list
    entity TEXT REFERENCES entities (id)
);
CREATE INDEX local_entities_doc ON local_entities (doc);
CREATE INDEX local_entities_entity ON local_entities (entity);

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    local TEXT NOT NULL REFERENCES local_entities (id) ON DELETE CASCADE,
    entity TEXT REFERENCES entities (id)
);
CREATE INDEX mentions_doc ON mentions (doc, start);
CREATE INDEX mentions_entity ON mentions (entity);

CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_text TEXT,
    speaker_kind TEXT NOT NULL,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_local TEXT REFERENCES local_entities (id) ON DELETE SET NULL,
    speaker_entity TEXT REFERENCES entities (id),
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    language TEXT NOT NULL
);
CREATE INDEX quotes_doc ON quotes (doc, start);
CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity);
CREATE INDEX quotes_speaker_kind ON quotes (speaker_kind);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text, content='quotes', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
