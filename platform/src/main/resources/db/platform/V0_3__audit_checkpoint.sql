-- Signed checkpoints of the event log: log position, chain head, Merkle root (RFC 9162), signature.
CREATE TABLE audit_checkpoint (
    id           BIGSERIAL PRIMARY KEY,
    logseq       BIGINT NOT NULL,
    head_hash    CHAR(64) NOT NULL,
    merkle_root  CHAR(64) NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    key_id       VARCHAR(32) NOT NULL,
    public_key   TEXT NOT NULL,
    checkpoint   TEXT NOT NULL
);
CREATE INDEX audit_checkpoint_logseq ON audit_checkpoint (logseq);
