-- Content arrives before the unit that records it runs, holding no lock (docs/decisions.md, "One write
-- path, group commit"): each upload's chunks are stored under an upload id of their own, and the item
-- keeps the one upload its content-stored event recorded. Chunks stored before this migration are
-- their item's upload under the item's own id.
ALTER TABLE item_content_chunk ADD COLUMN upload_id UUID;
UPDATE item_content_chunk SET upload_id = item_id;
ALTER TABLE item_content_chunk ALTER COLUMN upload_id SET NOT NULL;
ALTER TABLE item_content_chunk DROP CONSTRAINT item_content_chunk_pkey;
ALTER TABLE item_content_chunk ADD PRIMARY KEY (upload_id, seq);
CREATE INDEX item_content_chunk_item ON item_content_chunk (item_id);

CREATE TABLE item_content (
    item_id    UUID PRIMARY KEY REFERENCES evidence_item (id),
    upload_id  UUID NOT NULL UNIQUE
);
INSERT INTO item_content (item_id, upload_id) SELECT DISTINCT item_id, item_id FROM item_content_chunk;
