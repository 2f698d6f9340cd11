-- Extradition cases: the live state of each case (a fold of its events) plus the columns lists filter on.
-- Lists never read the person's data from "state": they show "person_label", already redacted for a protected person.
CREATE TABLE extradition_case (
    id                  UUID PRIMARY KEY,
    list_seq            BIGSERIAL NOT NULL UNIQUE,
    requesting_state    VARCHAR(2) NOT NULL,
    requested_state     VARCHAR(2) NOT NULL,
    status              VARCHAR(40) NOT NULL,
    version             INT NOT NULL,
    protected_person    BOOLEAN NOT NULL,
    person_label        VARCHAR(200) NOT NULL,
    opened_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    -- earliest end of a deadline whose milestone is not reached (overdue filter)
    next_deadline_at    TIMESTAMPTZ,
    -- the same among deadlines not reminded yet (the reminder job)
    next_reminder_at    TIMESTAMPTZ,
    state               JSONB NOT NULL
);
CREATE INDEX extradition_case_requesting ON extradition_case (requesting_state, list_seq);
CREATE INDEX extradition_case_requested ON extradition_case (requested_state, list_seq);
CREATE INDEX extradition_case_next_reminder ON extradition_case (next_reminder_at) WHERE next_reminder_at IS NOT NULL;

-- Third States whose transit involvement is active: they see the case while a row is here.
CREATE TABLE extradition_transit (
    case_id        UUID NOT NULL,
    transit_state  VARCHAR(2) NOT NULL,
    PRIMARY KEY (case_id, transit_state)
);
CREATE INDEX extradition_transit_state ON extradition_transit (transit_state, case_id);

-- Keys of the person sought (PersonMatcher.matchKeys): candidates for concurrent requests for the same person.
CREATE TABLE person_match_key (
    case_id    UUID NOT NULL,
    match_key  TEXT NOT NULL,
    PRIMARY KEY (case_id, match_key)
);
CREATE INDEX person_match_key_key ON person_match_key (match_key);

-- Cases at one requested State that are likely about the same person (model ECE 17), found when a request
-- arrived; shown to the requested State only, never to the other requesting State.
CREATE TABLE concurrent_match (
    case_id        UUID NOT NULL,
    other_case_id  UUID NOT NULL,
    found_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, other_case_id)
);

-- Evidence items as this service knows them, from mla.evidence.events (a local projection of item.registered).
CREATE TABLE known_evidence_item (
    item_id          UUID PRIMARY KEY,
    transfer_id      UUID NOT NULL,
    request_id       UUID NOT NULL,
    providing_state  VARCHAR(2) NOT NULL,
    receiving_state  VARCHAR(2) NOT NULL
);
