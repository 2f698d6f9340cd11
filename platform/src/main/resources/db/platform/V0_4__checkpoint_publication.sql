-- Checkpoints are published to Kafka (mla.audit.checkpoints) after they are stored; the ones not yet
-- acknowledged by the broker are retried by the periodic job.
ALTER TABLE audit_checkpoint ADD COLUMN published_at timestamptz;
CREATE INDEX audit_checkpoint_unpublished ON audit_checkpoint (id) WHERE published_at IS NULL;
