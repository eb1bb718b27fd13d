-- The organisation or place a quote's source is written as speaking from, apart from the
-- speaker itself: "officials at the ministry", "US officials", "Ana Ruiz, economist at Valle
-- Bank". An article entity: its corpus entity is its local_entities.entity, which merges
-- and splits keep.

ALTER TABLE quotes ADD COLUMN speaker_affiliation TEXT
    REFERENCES local_entities (id) ON DELETE SET NULL;
