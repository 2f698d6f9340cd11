-- Spontaneous information as this service knows it, folded from mla.request.events (a local projection):
-- evidence-service accepts a transfer of items with the information on these facts.
CREATE TABLE known_spontaneous_information (
    information_id  UUID PRIMARY KEY,
    version         INT NOT NULL,
    facts           JSONB NOT NULL
);
