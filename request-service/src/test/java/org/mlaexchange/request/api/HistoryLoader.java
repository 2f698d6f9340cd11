package org.mlaexchange.request.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.audit.LogAudit;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.seal.PersonalData;
import org.mlaexchange.contracts.seal.SealedText;
import org.mlaexchange.platform.eventlog.LoaderColumns;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.seal.CaseDataKeys;
import org.mlaexchange.platform.seal.KeyEncryptionKey;
import org.mlaexchange.platform.seal.LoaderKeys;
import org.mlaexchange.request.domain.DeadlinePolicy;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.ReferenceData;
import org.mlaexchange.request.domain.RequestCommand;
import org.mlaexchange.request.domain.RequestDecider;
import org.mlaexchange.request.events.RequestEventCodec;
import org.mlaexchange.request.store.RequestEntity;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills a request-service database's event log with valid history, fast, for the benchmark of issue 10 row 6
 * ("history size must not matter") and its test. Not part of the service: it lives in the tests and runs
 * against a database no service is writing to.
 *
 * <p>Each case is a request run through the service's own domain: the {@link RequestDecider} decides each
 * command (submit, acknowledge, ask for and provide information, accept, ask the status), the events are folded
 * into the stored request ({@link RequestService#write}, the columns the lists and statistics read) and turned into
 * log entries by {@link RequestEventCodec}; personal texts are sealed with a data key per case wrapped by the
 * service's key-encryption key class, and each event is chained with {@link HashChain#seal} as
 * {@code EventLog.sealAll} does. What differs from the service is only how rows reach PostgreSQL: COPY in one
 * transaction instead of one group commit per write, and the relay's position moved past the loaded events, so
 * that they are not published to Kafka (a million records would flood the topic and its consumers, and the
 * benchmark would measure the relay catching up instead of the submissions).
 *
 * <pre>
 * java -cp &lt;request-service test classpath&gt; org.mlaexchange.request.api.HistoryLoader \
 *     --url jdbc:postgresql://127.0.0.1:5442/&lt;db&gt; [--user mla --password mla] [--events 1000000] [--migrate] [--verify]
 * </pre>
 */
public final class HistoryLoader {

    /** The service's event source, as {@code EventLog} builds it from {@code mla.service}. */
    static final String SOURCE = "/mla-exchange/request-service";
    /** Pairs of States (requesting, requested) the loaded requests cycle through. */
    private static final StateCode[][] PAIRS = {
            {StateCode.of("NL"), StateCode.of("AR")}, {StateCode.of("AR"), StateCode.of("NL")}, {StateCode.of("SN"), StateCode.of("AR")},
            {StateCode.of("NL"), StateCode.of("SN")}, {StateCode.of("AR"), StateCode.of("SN")}};
    /** How many commands each case goes through, cycling: 3.5 on average, 1 to 6. */
    private static final int[] LENGTHS = {2, 4, 1, 6, 3, 5, 4, 3};
    private static final int BATCH_EVENTS = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Loaded(long events, long cases, long firstLogseq, long lastLogseq, String headHash, Duration took) {
        public double eventsPerSecond() {
            return events / (took.toNanos() / 1e9);
        }
    }

    /** What {@link #verify} found: the project's own log audit over the whole log, and the table-level checks. */
    public record Verified(LogAudit.Result audit, long rows, long casesWithGaps, boolean headMatches, long requestsWithoutEvents) {
        public boolean ok() {
            return audit.intact() && audit.count() == rows && casesWithGaps == 0 && headMatches && requestsWithoutEvents == 0;
        }
    }

    private final RequestDecider decider;
    private final RequestEventCodec codec = new RequestEventCodec(null, null, null, null); // toLogEntry uses none of them
    private final KeyEncryptionKey kek;
    private final RequestContent content;

    public HistoryLoader(KeyEncryptionKey kek) {
        this.kek = kek;
        this.decider = new RequestDecider(EVERY_STATE, HistoryLoader::deadlines);
        this.content = demoContent();
    }

    /** The key-encryption key the local stack and the tests use (platform's shared defaults, profile local). */
    public static KeyEncryptionKey developmentKek() {
        Properties defaults = new Properties();
        try (InputStream in = HistoryLoader.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            defaults.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("platform's META-INF/microprofile-config.properties is not on the class path", e);
        }
        return LoaderKeys.kek(defaults.getProperty("%dev,test,local.mla.seal.kek-id"), defaults.getProperty("%dev,test,local.mla.seal.kek"));
    }

    /** Applies the service's Flyway migrations (the locations of platform's mla.* defaults), as a started service would. */
    public static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/platform", "classpath:db/migration")
                .outOfOrder(true).load().migrate();
    }

    /**
     * Appends about {@code events} events (exactly, unless a command's events would cross the number) after the
     * log's head, in new cases, the last one occurring a minute before now. Holds the head's row lock throughout.
     */
    public Loaded load(Connection connection, long events) throws Exception {
        long t0 = System.nanoTime();
        connection.setAutoCommit(false);
        long head;
        String prevhash;
        long relayed;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT h.logseq, h.hash, r.logseq FROM event_log_head h, event_relay_position r FOR UPDATE")) {
            rs.next();
            head = rs.getLong(1);
            prevhash = rs.getString(2);
            relayed = rs.getLong(3);
        }
        if (relayed != head) {
            // moving the relay's position over unpublished events would lose them for the consumers
            throw new IllegalStateException("the relay has published up to logseq " + relayed + " of " + head + ": load only a log fully published");
        }
        // cases start evenly over the last day, so that their deadlines (7 days and more) have not passed and the
        // reminder job has nothing to do with them during a benchmark
        Instant end = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MICROS);
        Plan plan = new Plan(end.minus(Duration.ofDays(1)), Duration.ofDays(1).toNanos() / 1000 / Math.max(1, (long) (events / 3.5)));

        // Cases are decided and sealed ahead on a worker (they are independent of each other); this thread chains
        // them in order, which only it can do, and a third one COPYs the rows: two cores and PostgreSQL all busy.
        ExecutorService preparer = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-loader-prepare"));
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "history-loader-copy"));
        ArrayDeque<Future<List<Case>>> prepared = new ArrayDeque<>();
        BlockingQueue<Future<?>> pending = new ArrayBlockingQueue<>(2); // at most two batches ahead of PostgreSQL
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Batch batch = new Batch();
        long logseq = head;
        long written = 0;
        long cases = 0;
        long nextChunk = 0;
        try {
            while (written < events) {
                while (prepared.size() < 4) {
                    long first = nextChunk;
                    prepared.add(preparer.submit(() -> prepare(plan, first, CHUNK_CASES)));
                    nextChunk += CHUNK_CASES;
                }
                for (Case c : prepared.poll().get()) {
                    if (written + c.events.size() > events) {
                        // the last case: decided again with only the commands whose events still fit
                        c = plan.decide(cases, events - written); // not null: a submission is one event
                    }
                    if (c.key != null) {
                        batch.key(c.key);
                    }
                    for (PreparedEvent e : c.events) {
                        logseq++;
                        CloudEvent unsealed = new CloudEvent(CloudEvent.SPEC_VERSION, e.eventId, SOURCE, e.type, c.caseId, e.time,
                                CloudEvent.DATA_CONTENT_TYPE, e.actorState, e.caseseq, logseq, prevhash, null, e.data);
                        HashChain.Sealed sealed = HashChain.seal(unsealed);
                        batch.event(logseq, e.eventId, c.caseId, e.caseseq, e.type, e.actorState, e.parties, e.time, prevhash,
                                sealed.event().hash(), sealed.json());
                        prevhash = sealed.event().hash();
                        written++;
                    }
                    batch.request(c.row);
                    cases++;
                    if (written >= events) {
                        break;
                    }
                }
                if (batch.events >= BATCH_EVENTS || written >= events) {
                    submit(writer, pending, copy, batch);
                    batch = new Batch();
                }
            }
            while (!pending.isEmpty()) {
                pending.take().get();
            }
        } finally {
            preparer.shutdownNow();
            writer.shutdownNow();
        }
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE event_log_head SET logseq = ?, hash = ? WHERE id = 1; UPDATE event_relay_position SET logseq = ?, published_at = now() WHERE id = 1")) {
            s.setLong(1, logseq);
            s.setString(2, prevhash);
            s.setLong(3, logseq);
            s.execute();
        }
        connection.commit();
        connection.setAutoCommit(true);
        return new Loaded(written, cases, head + 1, logseq, prevhash, Duration.ofNanos(System.nanoTime() - t0));
    }

    private static final int CHUNK_CASES = 500;

    /** A case decided and sealed, waiting for its place in the chain. */
    private record Case(String caseId, List<PreparedEvent> events, RequestEntity row, DataKey key) {
    }

    /** An event of a {@link Case}: everything but its logseq, prevhash and hash. */
    private record PreparedEvent(String eventId, String type, String actorState, String parties, String time, long caseseq, JsonNode data) {
    }

    private List<Case> prepare(Plan plan, long first, int count) {
        List<Case> cases = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            cases.add(plan.decide(i, Long.MAX_VALUE));
        }
        return cases;
    }

    /** Case number {@code i} of a load: its States, length and times follow from its number. */
    private final class Plan {
        private final Instant start;
        private final long stepMicros;

        Plan(Instant start, long stepMicros) {
            this.start = start;
            this.stepMicros = stepMicros;
        }

        /** The case run through the domain, with at most {@code maxEvents} events; null if not even its submission fits. */
        Case decide(long i, long maxEvents) {
            Instant caseStart = start.plus(i * stepMicros, ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            String caseId = id.toString();
            StateCode[] pair = PAIRS[(int) (i % PAIRS.length)];
            int length = LENGTHS[(int) (i % LENGTHS.length)];
            List<PreparedEvent> events = new ArrayList<>();
            MlaRequest state = null;
            DataKey key = null;
            Instant updatedAt = caseStart;
            for (int step = 0; step < length; step++) {
                Instant now = caseStart.plus(step, ChronoUnit.MILLIS);
                // the requesting State submits, provides information and asks the status; the requested State answers
                StateCode actor = step == 0 || step == 3 || step == 5 ? pair[0] : pair[1];
                List<RequestEvent> decided = decider.decide(state, command(step, id, pair[1], state, now), actor, now);
                if (events.size() + decided.size() > maxEvents) {
                    break;
                }
                MlaRequest after = state;
                for (RequestEvent event : decided) {
                    after = RequestDecider.evolve(after, event);
                }
                for (RequestEvent event : decided) {
                    NewEvent entry = codec.toLogEntry(after, event, actor);
                    JsonNode data = EventJson.toData(entry.payload());
                    if (PersonalData.sealed(entry.payload().getClass())) {
                        if (key == null) {
                            key = DataKey.create(caseId, kek, now);
                        }
                        DataKey k = key;
                        data = PersonalData.seal(entry.payload().getClass(), data, text -> SealedText.seal(k.secret, k.id, caseId, text));
                    }
                    events.add(new PreparedEvent(UUID.randomUUID().toString(), entry.type(),
                            entry.actorState() == null ? null : entry.actorState().value(), LoaderColumns.parties(entry.parties()),
                            now.toString(), events.size() + 1, data));
                }
                state = after;
                updatedAt = now;
            }
            if (state == null) {
                return null;
            }
            RequestEntity row = new RequestEntity();
            RequestService.write(row, state, updatedAt);
            return new Case(caseId, events, row, key);
        }
    }

    /**
     * VACUUM (ANALYZE) of the loaded tables: a log that grew to this size in service would have been vacuumed and
     * analysed by autovacuum meanwhile, so the planner and the visibility map are as they would be.
     */
    public static Duration settle(Connection connection) throws SQLException {
        long t0 = System.nanoTime();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM (ANALYZE) event_log, mla_request, case_data_key");
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static void submit(ExecutorService writer, BlockingQueue<Future<?>> pending, CopyManager copy, Batch batch) throws Exception {
        if (pending.remainingCapacity() == 0) {
            pending.take().get();
        }
        pending.put(writer.submit(() -> {
            batch.copy(copy);
            return null;
        }));
    }

    /** The command of each step of a loaded case; the state is the request before it. */
    private RequestCommand command(int step, UUID id, StateCode requested, MlaRequest state, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return switch (step) {
            case 0 -> new RequestCommand.Submit(id, requested, false, false, content);
            case 1 -> new RequestCommand.Acknowledge(requested.value() + "-MLA-" + id.toString().substring(0, 8),
                    new ContactPerson("Central authority of " + requested.value(), "mla@" + requested.value().toLowerCase() + ".demo", null));
            case 2 -> new RequestCommand.RequestInformation(List.of("Date of birth of witness W-17"), today.plusDays(20));
            case 3 -> new RequestCommand.ProvideInformation(content, "Date of birth of W-17: 12 May 1950");
            case 4 -> new RequestCommand.Accept(state.measures().stream().map(MlaRequest.Measure::id).toList(), List.of());
            default -> new RequestCommand.AskStatus("Has witness W-17 been heard?", today.plusDays(14));
        };
    }

    /** The demo's request content (the body the benchmark submits). */
    private static RequestContent demoContent() {
        try (InputStream in = HistoryLoader.class.getClassLoader().getResourceAsStream("bench-submission.json")) {
            JsonNode body = EventJson.mapper().readTree(in);
            return EventJson.mapper().treeToValue(body.get("content"), RequestContent.class);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("bench-submission.json (request-service test resources) is not on the class path", e);
        }
    }

    /** Every State a party on every day, accepting every language: the loaded content is the demo's, valid for all. */
    private static final ReferenceData EVERY_STATE = new ReferenceData() {
        @Override
        public boolean isStateParty(StateCode state, LocalDate on) {
            return true;
        }

        @Override
        public boolean acceptsLanguage(StateCode state, String language) {
            return true;
        }

        @Override
        public boolean annexDeclarationInForce(StateCode state, String annex, LocalDate on) {
            return true;
        }
    };

    /** request-service's configured defaults (application.properties, mla.deadlines.*). */
    private static DeadlinePolicy.Deadlines deadlines(StateCode requesting, StateCode requested) {
        return new DeadlinePolicy.Deadlines(Period.ofDays(7), Period.ofDays(30), Period.ofDays(90), Period.ofDays(30), Period.ofDays(14));
    }

    /** A case's data key, made and wrapped as {@link CaseDataKeys} does on the case's first personal text. */
    private record DataKey(String caseId, String id, SecretKeySpec secret, byte[] wrapped, String kekId, Instant createdAt) {
        static DataKey create(String caseId, KeyEncryptionKey kek, Instant at) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            byte[] idBytes = new byte[8];
            RANDOM.nextBytes(idBytes);
            String keyId = HexFormat.of().formatHex(idBytes);
            return new DataKey(caseId, keyId, new SecretKeySpec(raw, "AES"), kek.wrap(raw, CaseDataKeys.context(caseId, keyId)), kek.id(), at);
        }
    }

    /** Rows for one COPY per table, in PostgreSQL's CSV format (an unquoted empty field is NULL). */
    private static final class Batch {
        final StringBuilder eventRows = new StringBuilder(BATCH_EVENTS * 2_400); // about 1.7 KB an event
        final StringBuilder requestRows = new StringBuilder(1 << 22);
        final StringBuilder keyRows = new StringBuilder(1 << 20);
        int events;

        void event(long logseq, String eventId, String caseId, long caseseq, String type, String actorState, String parties,
                   String occurredAt, String prevhash, String hash, String envelope) {
            eventRows.append(logseq).append(',').append(eventId).append(',').append(caseId).append(',').append(caseseq).append(',')
                    .append(type).append(',').append(actorState == null ? "" : actorState).append(',');
            quoted(eventRows, parties).append(',').append(occurredAt).append(',').append(prevhash).append(',').append(hash).append(',');
            quoted(eventRows, envelope).append('\n');
            events++;
        }

        void request(RequestEntity r) {
            requestRows.append(r.id).append(',').append(r.requestingState).append(',').append(r.requestedState).append(',')
                    .append(r.status).append(',').append(r.urgent).append(',').append(r.confidential).append(',').append(r.version).append(',')
                    .append(r.submittedAt).append(',').append(r.updatedAt).append(',').append(r.nextDeadlineAt == null ? "" : r.nextDeadlineAt)
                    .append(',').append(r.nextReminderAt == null ? "" : r.nextReminderAt).append(',');
            quoted(requestRows, r.state).append('\n');
        }

        void key(DataKey k) {
            keyRows.append(k.caseId).append(',').append(k.id).append(',');
            quoted(keyRows, k.kekId).append(",\\x").append(HexFormat.of().formatHex(k.wrapped)).append(',').append(k.createdAt).append('\n');
        }

        void copy(CopyManager copy) throws SQLException, IOException {
            copy.copyIn("COPY event_log (logseq, event_id, case_id, caseseq, type, actor_state, parties, occurred_at, prevhash, hash, envelope)"
                    + " FROM STDIN (FORMAT csv)", new StringReader(eventRows.toString()));
            copy.copyIn("COPY case_data_key (case_id, key_id, kek_id, wrapped_key, created_at) FROM STDIN (FORMAT csv)",
                    new StringReader(keyRows.toString()));
            copy.copyIn("COPY mla_request (id, requesting_state, requested_state, status, urgent, confidential, version, submitted_at,"
                    + " updated_at, next_deadline_at, next_reminder_at, state) FROM STDIN (FORMAT csv)", new StringReader(requestRows.toString()));
        }

        private static StringBuilder quoted(StringBuilder out, String text) {
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    out.append('"');
                }
                out.append(c);
            }
            return out.append('"');
        }
    }

    /**
     * Verifies the whole log with the auditors' own streaming audit ({@link LogAudit}: each hash recomputed, each
     * prevhash and logseq checked, the Merkle tree built), then what the chain does not cover: caseseq 1..n per case,
     * the head row, and a stored request for every request case.
     */
    public static Verified verify(Connection connection) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false); // the cursor streams only inside a transaction
        LogAudit audit = new LogAudit();
        long rows = 0;
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery("SELECT envelope FROM event_log ORDER BY logseq")) {
                while (rs.next()) {
                    audit.accept(rs.getString(1));
                    rows++;
                }
            }
            LogAudit.Result result = audit.result();
            long gaps = single(s, "SELECT count(*) FROM (SELECT case_id FROM event_log GROUP BY case_id"
                    + " HAVING min(caseseq) <> 1 OR max(caseseq) <> count(*)) g");
            boolean headMatches = single(s, "SELECT count(*) FROM event_log_head h WHERE h.logseq = " + result.headLogseq()
                    + " AND h.hash = '" + result.headHash() + "'") == 1;
            long orphans = single(s, "SELECT count(*) FROM mla_request r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM event_log e WHERE e.case_id = r.id::text AND e.caseseq = 1)");
            connection.commit();
            return new Verified(result, rows, gaps, headMatches, orphans);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5442/request";
        String user = "mla";
        String password = "mla";
        long events = 1_000_000;
        boolean migrate = false;
        boolean verify = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--events" -> events = Long.parseLong(args[++i]);
                case "--migrate" -> migrate = true;
                case "--verify" -> verify = true;
                default -> {
                    System.err.println("usage: HistoryLoader --url JDBC_URL [--user U --password P] [--events N (0: verify only)] [--migrate] [--verify]");
                    System.exit(2);
                }
            }
        }
        if (migrate) {
            migrate(url, user, password);
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            if (events > 0) {
                Loaded loaded = new HistoryLoader(developmentKek()).load(c, events);
                System.out.printf("loaded %d events (logseq %d..%d) in %d requests in %.1f s: %.0f events/s; head %s%n", loaded.events(),
                        loaded.firstLogseq(), loaded.lastLogseq(), loaded.cases(), loaded.took().toMillis() / 1000.0, loaded.eventsPerSecond(),
                        loaded.headHash());
                System.out.printf("VACUUM (ANALYZE) of the loaded tables: %.1f s%n", settle(c).toMillis() / 1000.0);
            }
            if (verify) {
                long t0 = System.nanoTime();
                Verified v = verify(c);
                System.out.printf("verified in %.1f s: %d rows, chain %s (%d events, head logseq %d, Merkle root %s), cases with caseseq gaps %d,"
                                + " head row %s, requests without events %d: %s%n", (System.nanoTime() - t0) / 1e9, v.rows(),
                        v.audit().intact() ? "intact" : "BROKEN at " + v.audit().firstBreak(), v.audit().count(), v.audit().headLogseq(),
                        v.audit().merkleRoot(), v.casesWithGaps(), v.headMatches() ? "matches" : "DIFFERS", v.requestsWithoutEvents(),
                        v.ok() ? "OK" : "FAILED");
                if (!v.ok()) {
                    System.exit(1);
                }
            }
        }
    }
}
