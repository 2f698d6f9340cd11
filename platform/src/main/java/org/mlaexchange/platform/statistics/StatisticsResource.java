package org.mlaexchange.platform.statistics;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.statistics.LogStatistics;
import org.mlaexchange.contracts.statistics.Statistics;
import org.mlaexchange.contracts.statistics.StatisticsQuery;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.eventlog.LogReader;
import org.mlaexchange.platform.http.QueryParameters;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.reference.StateRegistry;

/**
 * Figures for central authorities (their own State's cases) and the oversight body (every case), as
 * aggregates only. They are folded from this service's event log with the same {@link LogStatistics}
 * the audit CLI runs over the replayed, verified log, so anyone who replays the log can recompute them;
 * the service keeps each case's figures between calls ({@link FoldedCases}) and adds them up.
 */
@Path("/api/statistics")
@Tag(name = "statistics")
@RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
public class StatisticsResource {

    private static final MediaType CSV = MediaType.valueOf(Statistics.CSV_MEDIA_TYPE);

    private final AgroalDataSource dataSource;
    private final CurrentCaller caller;
    private final StateRegistry states;
    private final Clock clock;
    private final String service;
    private final FoldedCases folded;
    private final Duration foldWait;

    public StatisticsResource(AgroalDataSource dataSource, CurrentCaller caller, StateRegistry states, Clock clock, PlatformConfig config,
                              FoldedCases folded) {
        this.dataSource = dataSource;
        this.caller = caller;
        this.states = states;
        this.clock = clock;
        this.service = config.service();
        this.folded = folded;
        this.foldWait = config.statistics().foldWait();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Statistics.CSV_MEDIA_TYPE})
    @Operation(summary = "Counts by status, times to acknowledge, decide and execute (median, p90), refusals by ground, overdue now,"
            + " postponements, consents, outcomes: over your State's cases (the oversight body: all), opened in [from, to),"
            + " optionally only those with one counterpart State. JSON, or CSV (figure,key,value) with Accept: text/csv",
            description = "The figures cover every event committed before the call. While a long history is first folded (after an"
                    + " upgrade) the answer is 503 urn:mla-exchange:problem:statistics-folding with Retry-After; the fold goes on meanwhile")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.class)),
            @Content(mediaType = Statistics.CSV_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response statistics(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("counterpart") String counterpart, @Context HttpHeaders headers) throws IOException {
        Statistics statistics = compute(from, to, counterpart);
        // the caller's most preferred of the two; JSON when it takes anything
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                break;
            }
            if (accepted.isCompatible(CSV)) {
                return Response.ok(statistics.toCsv(), CSV).build();
            }
        }
        return Response.ok(statistics, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Statistics compute(String from, String to, String counterpart) throws IOException {
        Caller reader = caller.get();
        StatisticsQuery query = new StatisticsQuery(reader.oversight() ? null : reader.actingState(), QueryParameters.state("counterpart", counterpart, states::isKnown),
                QueryParameters.instantOrDate("from", from), QueryParameters.instantOrDate("to", to), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            throw ProblemException.badRequest("malformed-parameter", "The period is empty",
                    List.of(new Problem.FieldError("to", "must be after from")));
        }
        if (!folded.foldWithin(foldWait)) {
            throw new ProblemException(Problem.of(503, "statistics-folding", "Figures not ready yet",
                    "The figures are being folded from the event log (" + folded.behind() + " events still to fold, as after an upgrade);"
                            + " try again after Retry-After seconds", null));
        }
        LogStatistics.Tally tally = LogStatistics.forService(service).tally(query);
        // the kept cases the query may cover; the tally checks each against the whole query
        StringBuilder sql = new StringBuilder("SELECT fold, figures FROM statistics_case WHERE opened_at IS NOT NULL");
        List<Object> args = new ArrayList<>();
        if (!reader.oversight()) {
            sql.append(" AND (first_state = ? OR second_state = ?)");
            args.add(reader.actingState().value());
            args.add(reader.actingState().value());
        }
        if (query.from() != null) {
            sql.append(" AND opened_at >= ?");
            args.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" AND opened_at < ?");
            args.add(query.to().atOffset(ZoneOffset.UTC));
        }
        LogReader.stream(dataSource, sql.toString(), args, row -> tally.add(row.getString(1), row.getString(2)));
        return tally.result();
    }
}
