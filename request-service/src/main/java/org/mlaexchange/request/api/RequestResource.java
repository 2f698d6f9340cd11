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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.Proceedings;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.UrgentChannel;
import org.mlaexchange.request.security.RequestDisclosure;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.request.events.RequestEventCodec;
import org.mlaexchange.platform.write.Changed;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.store.DueCursor;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestAction;
import org.mlaexchange.request.domain.RequestCommand;
import org.mlaexchange.request.store.RequestEntity;
import org.mlaexchange.request.store.RequestRepository;
import org.mlaexchange.platform.store.TimeOrderedIds;

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
    private final RequestDisclosure disclosure;
    private final RequestEventCodec codec;

    public RequestResource(RequestService requests, EventLog eventLog, CurrentCaller caller, Clock clock, RequestDisclosure disclosure,
                           RequestEventCodec codec) {
        this.disclosure = disclosure;
        this.codec = codec;
        this.requests = requests;
        this.eventLog = eventLog;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Body of a submission: the requesting State is the caller's, never a field. {@code urgentChannel}: how an
     * urgent request also travels (absent: only through the Exchange).
     */
    public record Submission(@NotNull StateCode requestedState, boolean urgent, boolean confidential, @NotNull RequestContent content,
                             UrgentChannel urgentChannel) {
    }

    /** A request as its parties see it, with the actions the caller may take on it now (POST path segments). */
    @Schema(name = "RequestView") // what GET and every write answer (api-contract.views)
    public record RequestView(@JsonUnwrapped MlaRequest request, List<String> allowedActions) {
    }

    /** What a list shows of a request: with the subject matter and case number of its proceedings (latest content). */
    public record Summary(UUID id, StateCode requestingState, StateCode requestedState, RequestStatus status, boolean urgent,
                          boolean confidential, int version, Instant submittedAt, Instant nextDeadlineAt, boolean overdue,
                          String subjectMatter, String caseNumber, List<String> persons) {
    }

    public record Page(List<Summary> items, String next) {
    }

    @POST
    @Operation(summary = "Submit a request to another State's central authority",
            description = "Each measure is of a kind and says in words what is to be done (`specifics`); the fields of its kind "
                    + "make it a typed measure, checked for completeness per kind. A measure in words only is still accepted.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "typed", summary = "Typed measures: a hearing by video conference, a temporary transfer",
                    value = ApiExamples.SUBMIT_TYPED),
            @ExampleObject(name = "in-words", summary = "A measure described in words only", value = ApiExamples.SUBMIT_IN_WORDS)}))
    public Response submit(@NotNull @Valid Submission body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Writes.Written<MlaRequest> written = requests.submit(caller.get(), new RequestCommand.Submit(TimeOrderedIds.next(),
                body.requestedState(), body.urgent(), body.confidential(), body.content(), body.urgentChannel()));
        return changed(Response.created(uri.getAbsolutePathBuilder().path(written.value().id().toString()).build()), written);
    }

    @GET
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Requests your State is party to, newest first or (sort=due) the nearest due date first, overdue ones first")
    public Page list(@QueryParam("role") @Pattern(regexp = "requesting|requested", message = "must be requesting or requested") String role,
                     @QueryParam("status") RequestStatus status,
                     @QueryParam("urgent") Boolean urgent,
                     @QueryParam("overdue") Boolean overdue,
                     @QueryParam("sort") @DefaultValue("newest") @Pattern(regexp = DueCursor.SORT_PATTERN, message = DueCursor.SORT_MESSAGE) String sort,
                     @QueryParam("after") @Pattern(regexp = DueCursor.PATTERN, message = "must be the cursor of a previous page") String after,
                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Instant now = clock.instant();
        StateCode state = caller.get().oversight() ? null : caller.get().actingState();
        RequestRepository.Filter filter = new RequestRepository.Filter(state, role, status, urgent, overdue, now);
        boolean byDue = "due".equals(sort);
        List<RequestEntity> rows = byDue ? requests.listByDue(filter, DueCursor.parse(after), limit)
                : requests.list(filter, DueCursor.newest(after), limit);
        List<Summary> items = rows.stream().map(r -> summary(r, now)).toList();
        RequestEntity last = rows.size() == limit ? rows.get(rows.size() - 1) : null;
        String next = last == null ? null : byDue ? DueCursor.of(last.nextDeadlineAt, last.listSeq).toString() : String.valueOf(last.listSeq);
        return new Page(items, next);
    }

    /** A list row; the oversight body sees a confidential request's subject matter withheld and no persons. */
    private Summary summary(RequestEntity r, Instant now) {
        MlaRequest request = RequestService.read(r);
        List<RequestContent> versions = request.contentVersions();
        Proceedings proceedings = versions.isEmpty() ? null : versions.get(versions.size() - 1).proceedings();
        boolean factsWithheld = request.confidential() && !RequestDisclosure.audience(caller.get(), request).seesConfidentialFacts();
        String subjectMatter = proceedings == null ? null : factsWithheld ? DisclosurePolicy.WITHHELD : proceedings.subjectMatter();
        return new Summary(r.id, StateCode.of(r.requestingState), StateCode.of(r.requestedState), RequestStatus.valueOf(r.status), r.urgent,
                r.confidential, r.version, r.submittedAt, r.nextDeadlineAt, r.nextDeadlineAt != null && r.nextDeadlineAt.isBefore(now),
                subjectMatter, proceedings == null ? null : proceedings.caseNumber(),
                factsWithheld || versions.isEmpty() ? List.of() : RequestDisclosure.personLabels(request.content()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "One request, with its version as ETag (the oversight body sees protected persons and a confidential"
            + " request's facts withheld)")
    public Response get(@PathParam("id") UUID id) {
        MlaRequest request = requests.get(caller.get(), id);
        return Response.ok(view(request)).header(HttpHeaders.ETAG, Versions.etag(request.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Every event of the request, in order, its personal data opened (\"erased\" once erased) and redacted where "
            + "you may not see a part; the hash is that of the event as published, sealed: GET /api/audit/events gives that form")
    public List<CloudEvent> history(@PathParam("id") UUID id) {
        Caller who = caller.get();
        MlaRequest request = requests.get(who, id);
        return disclosure.historyFor(who, request, codec.opened(id.toString(), eventLog.caseEvents(id.toString(), null)));
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
    @Operation(summary = "Requested State: report execution progress or partial results per measure",
            description = "An update may carry the measure's execution record, of the measure's kind.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "hearing-executed", summary = "A hearing by video conference executed", value = ApiExamples.HEARING_EXECUTED)))
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
        return Changed.answer(response, view(request), request.version(), written.receipts());
    }

    /** The request as the caller sees it ({@link RequestDisclosure}), with the actions it may take now. */
    private Object view(MlaRequest request) {
        Caller who = caller.get();
        List<String> actions = who.roles().contains(Caller.CENTRAL_AUTHORITY) && !who.oversight()
                ? RequestAction.availableTo(request, who.state()).stream().map(RequestAction::pathSegment).toList()
                : List.of();
        Object shown = disclosure.requestFor(who, request);
        if (shown instanceof ObjectNode redacted) {
            redacted.set("allowedActions", redacted.arrayNode().addAll(actions.stream().map(redacted::textNode).toList()));
            return redacted;
        }
        return new RequestView(request, actions);
    }
}
