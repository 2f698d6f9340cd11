package org.mlaexchange.extradition.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.extradition.domain.ExtraditionAction;
import org.mlaexchange.extradition.domain.ExtraditionCase;
import org.mlaexchange.extradition.domain.ExtraditionCommand;
import org.mlaexchange.extradition.security.Disclosure;
import org.mlaexchange.extradition.store.ExtraditionEntity;
import org.mlaexchange.extradition.store.ExtraditionRepository;
import org.mlaexchange.extradition.events.ExtraditionEventCodec;
import org.mlaexchange.platform.write.Changed;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.store.DueCursor;
import org.mlaexchange.platform.store.TimeOrderedIds;

/**
 * Extradition cases between central authorities. The caller's State is the identity provider that
 * signed its token, never a body field; a case it is not party to does not exist for it (404), and a
 * transit State sees a case only while its involvement is active. Every action takes {@code If-Match}.
 */
@Path("/api/extraditions")
@Tag(name = "extraditions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class ExtraditionResource {

    private final ExtraditionService extraditions;
    private final Disclosure disclosure;
    private final ExtraditionEventCodec codec;
    private final CurrentCaller caller;
    private final Clock clock;
    private final ObjectMapper mapper;

    public ExtraditionResource(ExtraditionService extraditions, Disclosure disclosure, ExtraditionEventCodec codec, CurrentCaller caller,
                               Clock clock, ObjectMapper mapper) {
        this.mapper = mapper;
        this.extraditions = extraditions;
        this.disclosure = disclosure;
        this.codec = codec;
        this.caller = caller;
        this.clock = clock;
    }

    /** A formal extradition request (model ECE 12) to another State; the requesting State is the caller's. */
    public record FormalRequestSubmission(StateCode requestedState, ArrivalChannel channel, FormalRequest request) {
    }

    /** An urgent request for provisional arrest (model ECE 16); the formal request follows on the same case. */
    public record ProvisionalArrestSubmission(StateCode requestedState, ArrivalChannel channel, ProvisionalArrestRequest request) {
    }


    /** What a list shows of a case: parties, status, deadlines and a label of the person (never a protected person's names). */
    public record Summary(UUID id, StateCode requestingState, StateCode requestedState, ExtraditionStatus status, int version,
                          String person, boolean protectedPerson, Instant openedAt, Instant nextDeadlineAt, boolean overdue) {
    }

    public record Page(List<Summary> items, String next) {
    }

    @POST
    @Operation(summary = "Submit a formal extradition request to another State's central authority")
    public Response submit(@NotNull FormalRequestSubmission body, @Context UriInfo uri) {
        return created(uri, extraditions.open(caller.get(), new ExtraditionCommand.SubmitExtraditionRequest(TimeOrderedIds.next(),
                body.requestedState(), body.channel(), body.request())));
    }

    @POST
    @Path("/provisional-arrests")
    @Operation(summary = "Ask another State to arrest a person provisionally (urgent; the formal request follows on the case)")
    public Response requestProvisionalArrest(@NotNull ProvisionalArrestSubmission body, @Context UriInfo uri) {
        return created(uri, extraditions.open(caller.get(), new ExtraditionCommand.RequestProvisionalArrest(TimeOrderedIds.next(),
                body.requestedState(), body.channel(), body.request())));
    }

    @GET
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Cases your State is party to (as transit State: while involved), newest first or (sort=due) the nearest"
            + " due date first, overdue ones first, with minimal fields")
    public Page list(@QueryParam("role") @Pattern(regexp = "requesting|requested|transit",
                             message = "must be requesting, requested or transit") String role,
                     @QueryParam("status") ExtraditionStatus status,
                     @QueryParam("overdue") Boolean overdue,
                     @QueryParam("sort") @DefaultValue("newest") @Pattern(regexp = DueCursor.SORT_PATTERN, message = DueCursor.SORT_MESSAGE) String sort,
                     @QueryParam("after") @Pattern(regexp = DueCursor.PATTERN, message = "must be the cursor of a previous page") String after,
                     @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Instant now = clock.instant();
        Caller who = caller.get();
        ExtraditionRepository.Filter filter = new ExtraditionRepository.Filter(who.oversight() ? null : who.actingState(), role, status, overdue, now);
        boolean byDue = "due".equals(sort);
        List<ExtraditionEntity> rows = byDue ? extraditions.listByDue(filter, DueCursor.parse(after), limit)
                : extraditions.list(filter, DueCursor.newest(after), limit);
        List<Summary> items = rows.stream().map(row -> new Summary(row.id, StateCode.of(row.requestingState),
                StateCode.of(row.requestedState), ExtraditionStatus.valueOf(row.status), row.version, row.personLabel,
                row.protectedPerson, row.openedAt, row.nextDeadlineAt, row.nextDeadlineAt != null && row.nextDeadlineAt.isBefore(now)))
                .toList();
        ExtraditionEntity last = rows.size() == limit ? rows.get(rows.size() - 1) : null;
        String next = last == null ? null : byDue ? DueCursor.of(last.nextDeadlineAt, last.listSeq).toString() : String.valueOf(last.listSeq);
        return new Page(items, next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "One case, with its version as ETag (the requested State also sees other cases found for the same person)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExtraditionCase.class)))
    public Response get(@PathParam("id") UUID id) {
        Caller who = caller.get();
        ExtraditionCase found = extraditions.get(who, id);
        return Response.ok(view(who, found)).header(HttpHeaders.ETAG, Versions.etag(found.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "Every event of the case, in order, its personal data opened (\"erased\" once erased) and redacted where"
            + " you may not see a part (hashes are those of the published, sealed events: verify with the audit API)")
    public List<CloudEvent> history(@PathParam("id") UUID id) {
        Caller who = caller.get();
        ExtraditionCase found = extraditions.get(who, id);
        return disclosure.historyFor(who, found, codec.history(id.toString(), null));
    }

    @POST
    @Path("/{id}/submit-formal-request")
    @Operation(summary = "Requesting State: the formal request following a provisional arrest (stops the clock)")
    public Response submitFormalRequest(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                        @NotNull ExtraditionCommand.SubmitFormalRequest body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-arrest")
    @Operation(summary = "Requested State: the person was arrested (a provisional arrest starts the clock)")
    public Response recordArrest(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull ExtraditionCommand.RecordArrest body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-release")
    @Operation(summary = "Requested State: the person was released")
    public Response recordRelease(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @NotNull ExtraditionCommand.RecordRelease body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(summary = "Requested State: acknowledge the formal request (a legal receipt) with your case reference and contact")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull ExtraditionCommand.AcknowledgeRequest body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-supplementary-information")
    @Operation(summary = "Requested State: ask for supplementary information within a time limit")
    public Response requestSupplementaryInformation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @NotNull ExtraditionCommand.RequestSupplementaryInformation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/provide-supplementary-information")
    @Operation(summary = "Requesting State: provide the supplementary information, with further documents")
    public Response provideSupplementaryInformation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                    @NotNull ExtraditionCommand.ProvideSupplementaryInformation body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-simplified-consent")
    @Operation(summary = "Requested State: whether the person consents to simplified extradition")
    public Response recordSimplifiedConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @NotNull ExtraditionCommand.RecordSimplifiedConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-assurances")
    @Operation(summary = "Requested State: ask for assurances (e.g. on the death penalty)")
    public Response requestAssurances(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull ExtraditionCommand.RequestAssurances body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/provide-assurances")
    @Operation(summary = "Requesting State: give the assurances asked for")
    public Response provideAssurances(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull ExtraditionCommand.ProvideAssurances body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/grant")
    @Operation(summary = "Requested State: grant extradition, with conditions and the assurances relied on")
    public Response grant(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull ExtraditionCommand.Grant body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/refuse")
    @Operation(summary = "Requested State: refuse on coded grounds with written reasons")
    public Response refuse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull ExtraditionCommand.Refuse body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/submit-for-prosecution")
    @Operation(summary = "Requested State: having refused, submit the case to your own prosecutors (aut dedere aut judicare)")
    public Response submitForProsecution(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                         @NotNull ExtraditionCommand.SubmitForProsecution body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/report-prosecution-outcome")
    @Operation(summary = "Requested State: report the outcome of the domestic prosecution")
    public Response reportProsecutionOutcome(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @NotNull ExtraditionCommand.ReportProsecutionOutcome body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/schedule-surrender")
    @Operation(summary = "Requested State: the place and date agreed for surrender")
    public Response scheduleSurrender(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull ExtraditionCommand.ScheduleSurrender body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/postpone-surrender")
    @Operation(summary = "Requested State: postpone surrender (domestic proceedings or sentence)")
    public Response postponeSurrender(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull ExtraditionCommand.PostponeSurrender body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/temporary-surrender")
    @Operation(summary = "Requested State: surrender the person temporarily, with a return date")
    public Response temporarySurrender(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull ExtraditionCommand.TemporarySurrender body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-return")
    @Operation(summary = "Requested State: the temporarily surrendered person was returned")
    public Response recordReturn(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull ExtraditionCommand.RecordReturn body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-surrender")
    @Operation(summary = "Requested State: the person was handed over (transit involvement ends)")
    public Response recordSurrender(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @NotNull ExtraditionCommand.RecordSurrender body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-not-taken-over")
    @Operation(summary = "Requested State: the person was not taken over on the agreed date and was released")
    public Response recordNotTakenOver(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                       @NotNull ExtraditionCommand.RecordNotTakenOver body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-transit")
    @Operation(summary = "Requesting State: ask a third State for transit (it sees the case while involved)")
    public Response requestTransit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull ExtraditionCommand.RequestTransit body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/decide-transit")
    @Operation(summary = "Transit State: authorise or refuse the transit (a refusal ends your involvement)")
    public Response decideTransit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                  @NotNull ExtraditionCommand.DecideTransit body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/record-concurrent-requests")
    @Operation(summary = "Requested State: the other cases for the same person, the factors weighed and your choice")
    public Response recordConcurrentRequests(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @NotNull ExtraditionCommand.RecordConcurrentRequests body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-speciality-consent")
    @Operation(summary = "Requesting State: ask consent to proceed for other offences committed before surrender")
    public Response requestSpecialityConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                             @NotNull ExtraditionCommand.RequestSpecialityConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/decide-speciality-consent")
    @Operation(summary = "Requested State: decide on a speciality consent request")
    public Response decideSpecialityConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @NotNull ExtraditionCommand.DecideSpecialityConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-re-extradition-consent")
    @Operation(summary = "Requesting State: ask consent to re-extradite the person to a third State")
    public Response requestReExtraditionConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                @NotNull ExtraditionCommand.RequestReExtraditionConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/decide-re-extradition-consent")
    @Operation(summary = "Requested State: decide on a re-extradition consent request")
    public Response decideReExtraditionConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @NotNull ExtraditionCommand.DecideReExtraditionConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/withdraw")
    @Operation(summary = "Requesting State: extradition is no longer sought")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull ExtraditionCommand.Withdraw body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/erase-personal-data")
    @Operation(summary = "Requesting State (which supplied the personal data), once the case ended: erase it on a legal ground; the"
            + " case's data key is destroyed, its personal data reads \"erased\" everywhere, its log still verifies, and it takes no"
            + " more actions")
    public Response erasePersonalData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull ExtraditionCommand.ErasePersonalData body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Requesting State: close the case (not while a consent is pending or the prosecution owed is missing)")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull ExtraditionCommand.Close body) {
        return act(id, ifMatch, body);
    }

    private Response created(UriInfo uri, Writes.Written<ExtraditionCase> written) {
        return changed(Response.created(uri.getBaseUriBuilder().path(ExtraditionResource.class)
                .path(written.value().id().toString()).build()), written);
    }

    private Response act(UUID id, String ifMatch, ExtraditionCommand command) {
        return changed(Response.ok(), extraditions.act(caller.get(), id, ifMatch, command));
    }

    private Response changed(Response.ResponseBuilder response, Writes.Written<ExtraditionCase> written) {
        ExtraditionCase c = written.value();
        return Changed.answer(response, view(caller.get(), c), c.version(), written.receipts());
    }

    /**
     * The case as the caller sees it (redacted where it may not see a part; the requested State also sees
     * {@code concurrentCaseIds}), with the actions it may take now ({@code allowedActions}, POST path segments).
     */
    private ObjectNode view(Caller who, ExtraditionCase c) {
        Object shown = disclosure.caseFor(who, c, extraditions.concurrentCaseIds(who, c));
        ObjectNode view = shown instanceof ObjectNode node ? node : mapper.valueToTree(shown);
        List<String> actions = who.roles().contains(Caller.CENTRAL_AUTHORITY) && !who.oversight()
                ? ExtraditionAction.availableTo(c, who.state()).stream().map(ExtraditionAction::pathSegment).toList()
                : List.of();
        view.set("allowedActions", mapper.valueToTree(actions));
        return view;
    }
}
