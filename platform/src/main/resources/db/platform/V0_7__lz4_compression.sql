-- Values too long to stay in their row (a submission's event envelope is 4-5 KB of canonical JSON with sealed texts,
-- a case's state 3-4 KB) are compressed with lz4 instead of pglz (docs/benchmarks.md, "session 10"): 2 x 20,000 copies
-- of an event envelope went in at 49 us each against 100 us with pglz and took 161 MB against 214 MB; an
-- incompressible one costs pglz a full attempt for nothing. Set on the event log's envelope column, and as the
-- database's default for every other column of every table (connections opened after this migration). A server built
-- without lz4, or a user that may not alter the database, keeps pglz: a slower write, never a failed start.
DO $$
BEGIN
    ALTER TABLE event_log ALTER COLUMN envelope SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR insufficient_privilege THEN
    RAISE NOTICE 'event_log.envelope keeps its compression: %', SQLERRM;
END
$$;

DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET default_toast_compression = %L', current_database(), 'lz4');
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value OR insufficient_privilege THEN
    RAISE NOTICE 'default_toast_compression stays as it is: %', SQLERRM;
END
$$;
