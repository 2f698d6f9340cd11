-- MLA requests as this service knows them, folded from mla.request.events (a local projection).
CREATE TABLE known_request (
    request_id  UUID PRIMARY KEY,
    version     INT NOT NULL,
    facts       JSONB NOT NULL
);
