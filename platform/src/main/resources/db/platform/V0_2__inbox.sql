-- Events a consumer has processed, written in the same transaction as their effect (idempotent consumers).
CREATE TABLE inbox (
    consumer      VARCHAR(100) NOT NULL,
    event_id      UUID NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
