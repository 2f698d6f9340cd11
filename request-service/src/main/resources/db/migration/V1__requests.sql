-- MLA requests: the live state of each request (a fold of its events) plus the columns lists filter on.
CREATE TABLE mla_request (
    id                  UUID PRIMARY KEY,
    list_seq            BIGSERIAL NOT NULL UNIQUE,
    requesting_state    VARCHAR(2) NOT NULL,
    requested_state     VARCHAR(2) NOT NULL,
    status              VARCHAR(40) NOT NULL,
    urgent              BOOLEAN NOT NULL,
    confidential        BOOLEAN NOT NULL,
    version             INT NOT NULL,
    submitted_at        TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    next_deadline_at    TIMESTAMPTZ,
    state               JSONB NOT NULL
);
CREATE INDEX mla_request_requesting ON mla_request (requesting_state, list_seq);
CREATE INDEX mla_request_requested ON mla_request (requested_state, list_seq);
CREATE INDEX mla_request_next_deadline ON mla_request (next_deadline_at) WHERE next_deadline_at IS NOT NULL;
