-- The next moment a deadline not yet reminded passes, per request: the reminder job takes the requests due
-- in this order and moves it on (or clears it) as it reminds them, so a batch never starves later requests.
ALTER TABLE mla_request ADD COLUMN next_reminder_at TIMESTAMPTZ;
-- existing rows: from their next deadline; the job recomputes each one it finds with nothing left to remind
UPDATE mla_request SET next_reminder_at = next_deadline_at;
CREATE INDEX mla_request_next_reminder ON mla_request (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
