-- The W3C trace context of the write that appended each event (docs/decisions.md, "Traces"): the relay continues
-- that trace when it publishes the event. Beside the event, never inside its hashed envelope, so the chain and
-- the published events stay as they were; null for events appended before, or outside any trace. The table
-- keeps refusing UPDATE and DELETE (its trigger is unchanged), so a stored context cannot be rewritten either.
ALTER TABLE event_log ADD COLUMN traceparent TEXT, ADD COLUMN tracestate TEXT;
