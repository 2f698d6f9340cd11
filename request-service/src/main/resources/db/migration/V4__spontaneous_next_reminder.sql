-- Spontaneous information owes deadlines too (the receiving State's answer, a use-consent decision): the next
-- moment one not yet reminded passes, per case, as for requests (V2), so the reminder job's batches never starve.
ALTER TABLE spontaneous_information ADD COLUMN next_reminder_at TIMESTAMPTZ;
CREATE INDEX spontaneous_information_next_reminder ON spontaneous_information (next_reminder_at) WHERE next_reminder_at IS NOT NULL;
