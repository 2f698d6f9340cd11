-- Spontaneous information: a case of its own (sent without a request), the fold of its events plus the
-- columns its lists filter on. Its events share the event log (and the hash chain) with the requests.
CREATE TABLE spontaneous_information (
    id                  UUID PRIMARY KEY,
    list_seq            BIGSERIAL NOT NULL UNIQUE,
    providing_state     VARCHAR(2) NOT NULL,
    receiving_state     VARCHAR(2) NOT NULL,
    status              VARCHAR(40) NOT NULL,
    confidential        BOOLEAN NOT NULL,
    version             INT NOT NULL,
    sent_at             TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    state               JSONB NOT NULL
);
CREATE INDEX spontaneous_information_providing ON spontaneous_information (providing_state, list_seq);
CREATE INDEX spontaneous_information_receiving ON spontaneous_information (receiving_state, list_seq);
