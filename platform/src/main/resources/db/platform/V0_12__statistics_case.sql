-- What /api/statistics keeps of each case, folded from the event log as it grows (FoldedCases): a call folds only
-- the events appended since the last one and adds up the kept cases, so neither its memory nor its time grows with
-- the whole log. Derived data: emptied, with the position set back to 0, it is folded again from the log.
CREATE TABLE statistics_case (
    case_key      VARCHAR(64) NOT NULL,
    fold          VARCHAR(40) NOT NULL,
    first_state   VARCHAR(2),
    second_state  VARCHAR(2),
    opened_at     TIMESTAMPTZ,
    figures       TEXT NOT NULL,
    PRIMARY KEY (case_key, fold)
);
CREATE INDEX statistics_case_first_state ON statistics_case (first_state);
CREATE INDEX statistics_case_second_state ON statistics_case (second_state);

-- The last event folded into statistics_case.
CREATE TABLE statistics_position (
    id      INT PRIMARY KEY CHECK (id = 1),
    logseq  BIGINT NOT NULL
);
INSERT INTO statistics_position VALUES (1, 0);
