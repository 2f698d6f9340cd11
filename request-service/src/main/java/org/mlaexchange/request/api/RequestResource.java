package org.mlaexchange.request.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.seal.CaseDataKeys;
import org.mlaexchange.platform.write.Changed;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestAction;
import org.mlaexchange.request.domain.RequestCommand;
import org.mlaexchange.request.store.RequestEntity;
import org.mlaexchange.request.store.RequestRepository;

/**
 * MLA requests between central authorities. The caller's State is the identity provider that signed
 * its token; a request it is not party to does not exist for it (404).
 */
@Path("/api/requests")
@Tag(name = "requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class RequestResource {

    private final RequestService requests;
    private final EventLog eventLog;
    private final CurrentCaller caller;
    private final Clock clock;
    private final CaseDataKeys keys;

    public RequestResource(RequestService requests, EventLog eventLog, CurrentCaller caller, Clock clock, CaseDataKeys keys) {
        this.keys = keys;
        this.requests = requests;
        this.eventLog = eventLog;
        this.caller = caller;
        this.clock = clock;
    }

    /** Body of a submission: the requesting State is the caller's, never a field. */
    public record Submission(@NotNull StateCode requestedState, boolean urgent, boolean confidential, @NotNull RequestContent content) {
    }

    /** A request as its parties see it, with the actions the caller may take on it now (POST path segments). */
    public record RequestView(@JsonUnwrapped MlaRequest request, List<String> allowedActions) {
    }

    /** What a list shows of a request. */
    public record Summary(UUID id, StateCode requestingState, StateCode requestedState, RequestStatus status, boolean urgent,
                          boolean confidential, int version, Instant submittedAt, Instant nextDeadlineAt, boolean overdue) {
    }

    public record Page(List<Summary> items, String next) {
    }

    @POST
    @Operation(summary = "Submit a request to another State's central authority")
    public Response submit(@NotNull @Valid Submission body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Writes.Written<MlaRequest> written = requests.submit(caller.get(), new RequestCommand.Submit(UUID.randomUUID(),
                body.requestedState(), body.urgent(), body.confidential(), body.content()));
        return changed(Response.created(uri.getAbsolutePathBuilder().path(written.value().id().toString()).build()), written);
    }

    @GET
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Requests your State is party to, newest first")
    public Page list(@QueryParam("role") @Pattern(regexp = "requesting|requested", message = "must be requesting or requested") String role,
                     @QueryParam("status") RequestStatus status,
                     @QueryParam("urgent") Boolean urgent,
                     @QueryParam("overdue") Boolean overdue,
                     @QueryParam("after") @Pattern(regexp = "\\d{1,18}", message = "must be the cursor of a previous page") String after,
                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Instant now = clock.instant();
        StateCode state = caller.get().oversight() ? null : caller.get().actingState();
        List<RequestEntity> rows = requests.list(new RequestRepository.Filter(state, role, status, urgent, overdue, now),
                after == null ? null : Long.valueOf(after), limit);
        List<Summary> items = rows.stream().map(r -> new Summary(r.id, StateCode.of(r.requestingState), StateCode.of(r.requestedState),
                RequestStatus.valueOf(r.status), r.urgent, r.confidential, r.version, r.submittedAt, r.nextDeadlineAt,
                r.nextDeadlineAt != null && r.nextDeadlineAt.isBefore(now))).toList();
        String next = rows.size() == limit ? String.valueOf(rows.get(rows.size() - 1).listSeq) : null;
        return new Page(items, next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "One request, with its version as ETag")
    public Response get(@PathParam("id") UUID id) {
        MlaRequest request = requests.get(caller.get(), id);
        return Response.ok(view(request)).header(HttpHeaders.ETAG, Versions.etag(request.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Every event of the request, in order, its personal data opened (\"erased\" once erased); "
            + "the hash is that of the event as published, sealed: GET /api/audit/events gives that form")
    public List<CloudEvent> history(@PathParam("id") UUID id) {
        requests.get(caller.get(), id);
        return keys.open(id.toString(), eventLog.caseEvents(id.toString(), null));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Requested State: acknowledge receipt (a legal receipt) with your case reference and contact")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull RequestCommand.Acknowledge body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-information")
    @Operation(summary = "Requested State: list what is missing")
    public Response requestInformation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull RequestCommand.RequestInformation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/provide-information")
    @Operation(summary = "Requesting State: answer with a new version of the request (old versions are kept)")
    public Response provideInformation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull RequestCommand.ProvideInformation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/open-consultation")
    @Operation(summary = "Requested State: consult before any refusal, postponement or conditions")
    public Response openConsultation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull RequestCommand.OpenConsultation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/postpone")
    @Operation(summary = "Requested State: postpone, with a reason code and a review date")
    public Response postpone(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull RequestCommand.Postpone body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/propose-conditions")
    @Operation(summary = "Requested State: propose conditions for granting assistance")
    public Response proposeConditions(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull RequestCommand.ProposeConditions body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/accept-conditions")
    @Operation(summary = "Requesting State: accept the proposed conditions, which then bind it")
    public Response acceptConditions(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull RequestCommand.AcceptConditions body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/reject-conditions")
    @Operation(summary = "Requesting State: reject the proposed conditions; consultation resumes")
    public Response rejectConditions(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull RequestCommand.RejectConditions body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/refuse")
    @Operation(summary = "Requested State: refuse the whole request or some measures, on coded grounds with written reasons")
    public Response refuse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull RequestCommand.Refuse body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Requested State: accept measures for execution, saying which requested procedures are impossible")
    public Response accept(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull RequestCommand.Accept body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/report-progress")
    @Operation(summary = "Requested State: report execution progress or partial results per measure")
    public Response reportProgress(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull RequestCommand.ReportProgress body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Requested State: every measure is executed or refused")
    public Response complete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull RequestCommand.Complete body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Requesting State: results received")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull RequestCommand.Close body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/erase-personal-data")
    @Operation(summary = "Requesting State (which supplied the personal data): erase it on a legal ground; the request's data key is "
            + "destroyed, its personal data reads \"erased\" everywhere, its log still verifies, and it takes no more actions")
    public Response erasePersonalData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull RequestCommand.ErasePersonalData body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Requesting State: assistance no longer needed")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull RequestCommand.Withdraw body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/answer-consultation")
    @Operation(summary = "Requesting State: answer a consultation with your position and the changes you accept; the requested State then decides")
    public Response answerConsultation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.AnswerConsultation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/declare-impossible")
    @Operation(summary = "Requested State: close accepted measures found impossible to execute, with reasons, so that the request can be completed")
    public Response declareImpossible(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.DeclareImpossible body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/ask-status")
    @Operation(summary = "Requesting State: ask for the status of the request, with a due date for the answer (default per pair of States)")
    public Response askStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.AskStatus body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/answer-status")
    @Operation(summary = "Requested State: answer the open status question")
    public Response answerStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.AnswerStatus body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/supplement")
    @Operation(summary = "Requesting State: supplement or amend the request on your own initiative (a new content version, old ones kept)")
    public Response supplement(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.Supplement body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/cannot-keep-confidential")
    @Operation(summary = "Requested State: say, before execution, that you cannot keep the request confidential; the requesting State then continues or withdraws")
    public Response declineConfidentiality(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.DeclineConfidentiality body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/continue-without-confidentiality")
    @Operation(summary = "Requesting State: continue although the request cannot be kept confidential")
    public Response continueWithoutConfidentiality(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.ContinueWithoutConfidentiality body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/extend-decision-deadline")
    @Operation(summary = "Requested State: extend the decision deadline once (30 days by default, per pair of States), with reasons")
    public Response extendDecisionDeadline(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RequestCommand.ExtendDecisionDeadline body) {
        return act(id, ifMatch, body);
    }

    private Response act(UUID id, String ifMatch, RequestCommand command) {
        return changed(Response.ok(), requests.act(caller.get(), id, ifMatch, command));
    }

    private Response changed(Response.ResponseBuilder response, Writes.Written<MlaRequest> written) {
        MlaRequest request = written.value();
        return response.header(HttpHeaders.ETAG, Versions.etag(request.version()))
                .entity(new Changed<>(view(request), request.version(), written.receipts())).build();
    }

    private RequestView view(MlaRequest request) {
        Caller who = caller.get();
        List<String> actions = who.roles().contains(Caller.CENTRAL_AUTHORITY) && !who.oversight()
                ? RequestAction.availableTo(request, who.state()).stream().map(RequestAction::pathSegment).toList()
                : List.of();
        return new RequestView(request, actions);
    }
}
