-- Transfers and items: live state (the fold of their events, as JSON) plus the columns queries use.
CREATE TABLE transfer (
    id                UUID PRIMARY KEY,
    list_seq          BIGSERIAL NOT NULL UNIQUE,
    request_id        UUID NOT NULL,
    providing_state   VARCHAR(2) NOT NULL,
    receiving_state   VARCHAR(2) NOT NULL,
    status            VARCHAR(40) NOT NULL,
    version           INT NOT NULL,
    state             JSONB NOT NULL
);
CREATE INDEX transfer_request ON transfer (request_id);

CREATE TABLE evidence_item (
    id                UUID PRIMARY KEY,
    transfer_id       UUID NOT NULL REFERENCES transfer (id),
    providing_state   VARCHAR(2) NOT NULL,
    receiving_state   VARCHAR(2) NOT NULL,
    status            VARCHAR(40) NOT NULL,
    version           INT NOT NULL,
    state             JSONB NOT NULL
);
CREATE INDEX evidence_item_transfer ON evidence_item (transfer_id);

-- Use consents are decided by id: where to find the item they belong to.
CREATE TABLE use_consent (
    id       UUID PRIMARY KEY,
    item_id  UUID NOT NULL REFERENCES evidence_item (id)
);

-- Content in 1 MiB chunks, stored as they arrive (never held in memory whole).
CREATE TABLE item_content_chunk (
    item_id  UUID NOT NULL REFERENCES evidence_item (id),
    seq      INT NOT NULL,
    data     BYTEA NOT NULL,
    PRIMARY KEY (item_id, seq)
);
-- evidence is mostly compressed media already: do not spend CPU trying to compress it again
ALTER TABLE item_content_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
