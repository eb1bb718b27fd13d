-- The others who speak in a joint source ("Ruperto Salas y Odalys Ferrer dijeron …", "GM and
-- Ford said …"): the quote's speaker is one of them, each other one a row here. Their
-- entity is their article entity's (local_entities.entity), which merges and splits keep.

CREATE TABLE quote_speakers (
    quote TEXT NOT NULL REFERENCES quotes (id) ON DELETE CASCADE,
    local TEXT NOT NULL REFERENCES local_entities (id) ON DELETE CASCADE,
    PRIMARY KEY (quote, local)
);
CREATE INDEX quote_speakers_local ON quote_speakers (local);
