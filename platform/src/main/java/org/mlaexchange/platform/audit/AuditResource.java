package org.mlaexchange.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.LogReader;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.http.QueryParameters;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/** Auditors' read-only view of this service's event log: replay, verification, as-of reconstruction. */
@Path("/api/audit")
@Tag(name = "audit")
@RolesAllowed(Caller.AUDITOR)
public class AuditResource {

    public static final String NDJSON = "application/x-ndjson";
    /** {@code complete}: every event of the log from {@code after}; {@code partial}: filtered or limited to the caller's cases. */
    public static final String VIEW_HEADER = "Audit-Log-View";
    /** Rows per fetch of the verification's cursor: see {@link LogReader#FETCH_SIZE}. */
    private static final int FETCH_SIZE = LogReader.FETCH_SIZE;

    private final AgroalDataSource dataSource;
    private final CurrentCaller caller;
    private final EventLog eventLog;
    private final CaseProjector projector;
    private final Clock clock;
    private final String service;
    private final Checkpoints checkpoints;
    private final EventDisclosure disclosure;

    public AuditResource(AgroalDataSource dataSource, CurrentCaller caller, EventLog eventLog, CaseProjector projector,
                         Clock clock, PlatformConfig config, Checkpoints checkpoints, EventDisclosure disclosure) {
        this.checkpoints = checkpoints;
        this.disclosure = disclosure;
        this.dataSource = dataSource;
        this.caller = caller;
        this.eventLog = eventLog;
        this.projector = projector;
        this.clock = clock;
        this.service = config.service();
    }

    @GET
    @Path("/events")
    @Produces(NDJSON)
    @Operation(summary = "Replay the event log in log order, one CloudEvent per line, limited to the cases you may see;"
            + " data you may not see (a protected person, unless your State is a party) is withheld and the event marked redacted")
    public jakarta.ws.rs.core.Response events(@QueryParam("case") String caseId, @QueryParam("after") Long after,
                                  @QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("type") String type, @QueryParam("mentions") String mentions) {
        Instant fromTime = instant("from", from);
        Instant toTime = instant("to", to);
        Caller reader = caller.get();
        StringBuilder sql = new StringBuilder("SELECT envelope, parties FROM event_log WHERE logseq > ?");
        List<Object> args = new ArrayList<>();
        args.add(after == null ? 0L : after);
        if (!caller.get().oversight()) {
            sql.append(" AND parties LIKE ?");
            args.add("%," + caller.get().actingState().value() + ",%");
        }
        if (caseId != null) {
            sql.append(" AND case_id = ?");
            args.add(caseId);
        }
        if (fromTime != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(fromTime));
        }
        if (toTime != null) {
            sql.append(" AND occurred_at <= ?");
            args.add(Timestamp.from(toTime));
        }
        if (type != null) {
            sql.append(" AND type = ?");
            args.add(type);
        }
        if (mentions != null) {
            // events of other cases that name this one (a transfer naming its request): for case timelines
            try {
                java.util.UUID.fromString(mentions);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("malformed-parameter", "Query parameter mentions must be a case id",
                        List.of(new Problem.FieldError("mentions", "not a UUID: " + mentions)));
            }
            sql.append(" AND envelope LIKE ?");
            args.add("%\"" + mentions + "\"%");
        }
        sql.append(" ORDER BY logseq");
        // whether this is the whole log (a verifier can check the chain) or the part this auditor may see
        boolean whole = reader.oversight() && (after == null || after == 0) && caseId == null && fromTime == null && toTime == null && type == null && mentions == null;
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            LogReader.stream(dataSource, sql.toString(), args, rs -> {
                writer.write(disclosure.forReader(reader, rs.getString(2), rs.getString(1)));
                writer.write('\n');
            });
            writer.flush();
        };
        return jakarta.ws.rs.core.Response.ok(body).header(VIEW_HEADER, whole ? "complete" : "partial").build();
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the whole hash chain of this service's log; report its head, count and first broken link")
    public Verification verify() throws SQLException {
        ChainVerifier verifier = new ChainVerifier();
        long recordedHeadLogseq;
        String recordedHeadHash;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            // one snapshot for the head row and the log, so concurrent appends do not look like truncation
            try (Statement isolation = connection.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            try (Statement head = connection.createStatement();
                 ResultSet rs = head.executeQuery("SELECT logseq, hash FROM event_log_head WHERE id = 1")) {
                rs.next();
                recordedHeadLogseq = rs.getLong(1);
                recordedHeadHash = rs.getString(2);
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT envelope FROM event_log ORDER BY logseq")) {
                query.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        verifier.accept(rs.getString(1));
                    }
                }
            }
            connection.rollback();
        }
        ChainVerifier.Result result = verifier.result();
        ChainVerifier.Break firstBreak = result.firstBreak();
        if (firstBreak == null && (result.headLogseq() != recordedHeadLogseq || !result.headHash().equals(recordedHeadHash))) {
            firstBreak = new ChainVerifier.Break(result.headLogseq() + 1, null,
                    "the log ends at logseq " + result.headLogseq() + " but its recorded head is logseq " + recordedHeadLogseq
                            + " (events missing from the tail)");
        }
        return new Verification(service, firstBreak == null, result.count(),
                new Position(result.headLogseq(), result.headHash()),
                new Position(recordedHeadLogseq, recordedHeadHash), firstBreak, clock.instant());
    }

    public record Position(long logseq, String hash) {
    }

    public record Verification(String service, boolean intact, long count, Position verifiedHead, Position recordedHead,
                               ChainVerifier.Break firstBreak, Instant verifiedAt) {
    }

    @GET
    @Path("/cases/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A case as it stood at a moment, rebuilt from its events (default: now)")
    public AsOf caseAsOf(@PathParam("id") String caseId, @QueryParam("asOf") String asOf) {
        Instant at = instant("asOf", asOf);
        List<CloudEvent> all = eventLog.caseEvents(caseId, null);
        Set<StateCode> parties = eventLog.partiesOf(caseId);
        if (all.isEmpty() || !caller.get().maySee(parties)) {
            throw ProblemException.notFound("Case " + caseId);
        }
        Instant moment = at == null ? clock.instant() : at;
        List<CloudEvent> upTo = all.stream().filter(e -> !Instant.parse(e.time()).isAfter(moment)).toList();
        if (upTo.isEmpty()) {
            throw new ProblemException(Problem.of(404, "not-yet-existing", "Not found",
                    "Case " + caseId + " did not exist yet at " + moment, null));
        }
        CloudEvent last = upTo.get(upTo.size() - 1);
        return new AsOf(caseId, moment, last.caseseq(), last.logseq(), last.hash(), projector.project(upTo));
    }

    @GET
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed checkpoints of this service's log (head, Merkle root, Ed25519 signature), newest first")
    public List<org.mlaexchange.contracts.audit.Checkpoint> checkpoints(@QueryParam("limit") @jakarta.ws.rs.DefaultValue("20") int limit)
            throws SQLException {
        return checkpoints.list(Math.max(1, Math.min(limit, 1000)));
    }

    @jakarta.ws.rs.POST
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign the log's current head now, and return the checkpoint")
    public org.mlaexchange.contracts.audit.Checkpoint checkpointNow() throws SQLException {
        return checkpoints.create(true).orElseThrow();
    }

    @GET
    @Path("/public-keys")
    @Produces(MediaType.APPLICATION_JSON)
    @jakarta.annotation.security.PermitAll
    @Operation(summary = "The public keys that sign this service's checkpoints (PEM), for anyone to verify them")
    public List<Checkpoints.PublishedKey> publicKeys() throws SQLException {
        return checkpoints.keys();
    }

    @GET
    @Path("/events/{id}/proof")
    @Produces(MediaType.APPLICATION_JSON)
    // a central authority proves the receipts of its own cases (maySee below); another State's event stays 404
    @RolesAllowed({Caller.AUDITOR, Caller.CENTRAL_AUTHORITY})
    @Operation(summary = "RFC 9162 inclusion proof of an event in the log's first treeSize events (default: the whole log)")
    public InclusionProof proof(@PathParam("id") String eventId, @QueryParam("treeSize") Long treeSize) throws SQLException {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Event " + eventId);
        }
        long logseq;
        String caseId;
        String hash;
        long head;
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT logseq, case_id, hash, (SELECT logseq FROM event_log_head WHERE id = 1) FROM event_log WHERE event_id = ?")) {
            q.setObject(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("Event " + eventId);
                }
                logseq = rs.getLong(1);
                caseId = rs.getString(2);
                hash = rs.getString(3);
                head = rs.getLong(4);
            }
        }
        if (!caller.get().maySee(eventLog.partiesOf(caseId))) {
            throw ProblemException.notFound("Event " + eventId);
        }
        long size = treeSize == null ? head : treeSize;
        if (size < logseq || size > head) {
            throw ProblemException.badRequest("tree-size-out-of-range", "treeSize must be between the event's logseq and the log's head",
                    List.of(new Problem.FieldError("treeSize", "between " + logseq + " and " + head)));
        }
        return new InclusionProof(eventId, logseq, hash, size, checkpoints.inclusionProof(logseq, size));
    }

    /** {@code leafIndex} is {@code logseq - 1}; the leaf hash is SHA-256(0x00 || event hash bytes). */
    public record InclusionProof(String eventId, long logseq, String eventHash, long treeSize, List<String> auditPath) {
    }

    @GET
    @Path("/consistency")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "RFC 9162 consistency proof between two tree sizes (e.g. two checkpoints' logseq)")
    public ConsistencyProof consistency(@QueryParam("from") long from, @QueryParam("to") long to) throws SQLException {
        long head;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT logseq FROM event_log_head WHERE id = 1")) {
            rs.next();
            head = rs.getLong(1);
        }
        if (from < 0 || from > to || to > head) {
            throw ProblemException.badRequest("tree-size-out-of-range", "Need 0 <= from <= to <= " + head,
                    List.of(new Problem.FieldError("from", "0.." + to), new Problem.FieldError("to", from + ".." + head)));
        }
        return new ConsistencyProof(from, to, checkpoints.consistencyProof(from, to));
    }

    public record ConsistencyProof(long from, long to, List<String> proof) {
    }

    public record AsOf(String caseId, Instant asOf, long caseseq, long logseq, String hash, Object state) {
    }

    private static Instant instant(String name, String value) {
        return QueryParameters.instant(name, value);
    }
}
