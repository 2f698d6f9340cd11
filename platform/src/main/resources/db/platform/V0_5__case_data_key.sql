-- Each case's data key (AES-256), wrapped by the service's key-encryption key: the personal data in the
-- case's events is sealed with it. Erasure destroys the wrapped key (the row stays, saying who erased
-- it, when and why); the events, sealed, stay in the log and keep its proof.
CREATE TABLE case_data_key (
    case_id         VARCHAR(64) PRIMARY KEY,
    key_id          VARCHAR(32) NOT NULL,
    kek_id          VARCHAR(64) NOT NULL,
    wrapped_key     BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    erased_at       TIMESTAMPTZ,
    erased_by       VARCHAR(2),
    erasure_reason  VARCHAR(40),
    CONSTRAINT case_data_key_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);
