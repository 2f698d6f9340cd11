-- The service's event log: append-only ledger and transactional outbox (architecture.md "Events").
CREATE TABLE event_log (
    logseq       BIGINT PRIMARY KEY,
    event_id     UUID NOT NULL UNIQUE,
    case_id      VARCHAR(64) NOT NULL,
    caseseq      BIGINT NOT NULL,
    type         VARCHAR(200) NOT NULL,
    actor_state  VARCHAR(2),
    parties      VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    prevhash     CHAR(64) NOT NULL,
    hash         CHAR(64) NOT NULL,
    envelope     TEXT NOT NULL,
    CONSTRAINT event_log_case_order UNIQUE (case_id, caseseq)
);
CREATE INDEX event_log_occurred_at ON event_log (occurred_at);

-- The head of the chain: one row, locked by every writer so logseq has no gaps.
CREATE TABLE event_log_head (
    id      INT PRIMARY KEY CHECK (id = 1),
    logseq  BIGINT NOT NULL,
    hash    CHAR(64) NOT NULL
);
INSERT INTO event_log_head VALUES (1, 0, repeat('0', 64));

-- How far the relay has published to Kafka (the publication mark; the log itself is not touched).
CREATE TABLE event_relay_position (
    id            INT PRIMARY KEY CHECK (id = 1),
    logseq        BIGINT NOT NULL,
    published_at  TIMESTAMPTZ
);
INSERT INTO event_relay_position VALUES (1, 0, NULL);

-- Append-only: the application never updates or deletes an event; the database refuses it too.
CREATE FUNCTION event_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'event_log is append-only';
END $$;
CREATE TRIGGER event_log_no_update_or_delete BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_append_only();
