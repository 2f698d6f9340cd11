package org.mlaexchange.request.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.seal.OpenedLog;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.store.DueCursor;
import org.mlaexchange.platform.write.Changed;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.request.domain.SpontaneousAction;
import org.mlaexchange.request.domain.SpontaneousCommand;
import org.mlaexchange.request.domain.SpontaneousInformationCase;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.request.security.SpontaneousDisclosure;
import org.mlaexchange.request.store.SpontaneousInformationEntity;
import org.mlaexchange.request.store.SpontaneousInformationRepository;
import org.mlaexchange.platform.store.TimeOrderedIds;

/**
 * Spontaneous information: a State sends information without a prior request, with conditions on its use
 * (domain.md §3). The providing State is the issuer of the caller's token; a case the caller's State is
 * neither side of does not exist for it (404).
 */
@Path("/api/spontaneous-information")
@Tag(name = "spontaneous-information")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class SpontaneousInformationResource {

    private final SpontaneousInformationService cases;
    private final OpenedLog eventLog;
    private final CurrentCaller caller;
    private final SpontaneousDisclosure disclosure;

    public SpontaneousInformationResource(SpontaneousInformationService cases, OpenedLog eventLog, CurrentCaller caller,
                                          SpontaneousDisclosure disclosure) {
        this.cases = cases;
        this.eventLog = eventLog;
        this.caller = caller;
        this.disclosure = disclosure;
    }

    /**
     * Body of a sending: the providing State is the caller's, never a field. {@code conditions} absent: none;
     * {@code evidenceItemIds}: evidence items (of evidence-service) the information refers to.
     */
    public record Sending(@NotNull StateCode receivingState, @NotNull SpontaneousInformation information, UseConditions conditions,
                          List<UUID> evidenceItemIds) {
    }

    /** A case as its two States see it, with the actions the caller may take on it now (POST path segments). */
    @Schema(name = "SpontaneousInformationView") // what GET and every write answer (api-contract.views)
    public record SpontaneousInformationView(@JsonUnwrapped SpontaneousInformationCase information, List<String> allowedActions) {
    }

    /** What a list shows of a case (the oversight body sees a confidential one's subject matter withheld and no persons). */
    public record SpontaneousSummary(UUID id, StateCode providingState, StateCode receivingState, SpontaneousStatus status,
                                     boolean confidential, boolean conditionsBind, int version, Instant sentAt, String subjectMatter,
                                     List<String> persons) {
    }

    public record SpontaneousPage(List<SpontaneousSummary> items, String next) {
    }

    @POST
    @Operation(operationId = "sendSpontaneousInformation",
            summary = "Send information to another State's central authority without a prior request, with conditions on its use")
    public Response send(@NotNull @Valid Sending body, @Context UriInfo uri) {
        Writes.Written<SpontaneousInformationCase> written = cases.send(caller.get(), new SpontaneousCommand.Send(TimeOrderedIds.next(),
                body.receivingState(), body.information(), body.conditions(), body.evidenceItemIds()));
        return changed(Response.created(uri.getAbsolutePathBuilder().path(written.value().id().toString()).build()), written);
    }

    @GET
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(operationId = "listSpontaneousInformation",
            summary = "Spontaneous information your State sent or received, newest first")
    public SpontaneousPage list(@QueryParam("role") @Pattern(regexp = "providing|receiving", message = "must be providing or receiving") String role,
                                @QueryParam("status") SpontaneousStatus status,
                                @QueryParam("after") @Pattern(regexp = "\\d{1,18}", message = "must be the cursor of a previous page") String after,
                                @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        Caller who = caller.get();
        StateCode state = who.oversight() ? null : who.actingState();
        List<SpontaneousInformationEntity> rows = cases.list(new SpontaneousInformationRepository.Filter(state, role, status),
                DueCursor.newest(after), limit);
        List<SpontaneousSummary> items = rows.stream().map(this::summary).toList();
        String next = rows.size() == limit ? String.valueOf(rows.get(rows.size() - 1).listSeq) : null;
        return new SpontaneousPage(items, next);
    }

    private SpontaneousSummary summary(SpontaneousInformationEntity row) {
        SpontaneousInformationCase c = SpontaneousInformationService.read(row);
        boolean factsWithheld = c.confidential() && !SpontaneousDisclosure.audience(caller.get(), c).seesConfidentialFacts();
        return new SpontaneousSummary(c.id(), c.providingState(), c.receivingState(), c.status(), c.confidential(), c.conditionsBind(),
                c.version(), c.sentAt(), factsWithheld ? DisclosurePolicy.WITHHELD : c.information().subjectMatter(),
                factsWithheld ? List.of() : SpontaneousDisclosure.personLabels(c));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(operationId = "getSpontaneousInformation",
            summary = "One case of spontaneous information, with its version as ETag (the oversight body sees protected persons"
                    + " and a confidential case's facts withheld)")
    public Response get(@PathParam("id") UUID id) {
        SpontaneousInformationCase c = cases.get(caller.get(), id);
        return Response.ok(view(c)).header(HttpHeaders.ETAG, Versions.etag(c.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(operationId = "spontaneousInformationHistory",
            summary = "Every event of the case, in order, as published (redacted where you may not see a part)")
    public List<CloudEvent> history(@PathParam("id") UUID id) {
        Caller who = caller.get();
        SpontaneousInformationCase c = cases.get(who, id);
        // the personal data the log sealed, opened with the case's key for whoever may see the case, then redacted as the policy says
        return disclosure.historyFor(who, c, eventLog.caseEvents(id.toString(), null, SpontaneousInformationEventTypes::classOf));
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(operationId = "acknowledgeSpontaneousInformation",
            summary = "Receiving State: acknowledge receipt (a legal receipt) with your case reference and contact; the conditions then bind you")
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull SpontaneousCommand.AcknowledgeReceipt body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/decline-conditions")
    @Operation(operationId = "declineSpontaneousInformationConditions",
            summary = "Receiving State: you cannot accept the conditions, with reasons; you must not use the information")
    public Response declineConditions(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull SpontaneousCommand.DeclineConditions body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/revise-conditions")
    @Operation(operationId = "reviseSpontaneousInformationConditions",
            summary = "Providing State: attach new conditions after they were declined; the receiving State answers again")
    public Response reviseConditions(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull SpontaneousCommand.ReviseConditions body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/return")
    @Operation(operationId = "returnSpontaneousInformation",
            summary = "Receiving State: the conditions declined, say you returned or destroyed the information unused")
    public Response returnInformation(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull SpontaneousCommand.Return body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeSpontaneousInformation",
            summary = "Providing State: close the case (acknowledged conditions keep binding the receiving State)")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull SpontaneousCommand.CloseCase body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/request-use-consent")
    @Operation(operationId = "requestSpontaneousInformationUseConsent",
            summary = "Receiving State: ask the providing State's prior consent to another use or an onward transfer (speciality)")
    public Response requestUseConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull SpontaneousCommand.RequestUseConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/decide-use-consent")
    @Operation(operationId = "decideSpontaneousInformationUseConsent",
            summary = "Providing State: grant (with conditions, which then bind too) or deny the open request for use consent")
    public Response decideUseConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @NotNull SpontaneousCommand.DecideUseConsent body) {
        return act(id, ifMatch, body);
    }

    @POST
    @Path("/{id}/erase-personal-data")
    @Operation(operationId = "eraseSpontaneousInformationPersonalData",
            summary = "Providing State (which supplied the personal data), once the information was returned or the case closed: erase"
                    + " it on a legal ground; the information's data key is destroyed, its personal data reads \"erased\" everywhere,"
                    + " its log still verifies, and the case takes no more actions")
    public Response erasePersonalData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull SpontaneousCommand.ErasePersonalData body) {
        return act(id, ifMatch, body);
    }

    private Response act(UUID id, String ifMatch, SpontaneousCommand command) {
        return changed(Response.ok(), cases.act(caller.get(), id, ifMatch, command));
    }

    private Response changed(Response.ResponseBuilder response, Writes.Written<SpontaneousInformationCase> written) {
        SpontaneousInformationCase c = written.value();
        return Changed.answer(response, view(c), c.version(), written.receipts());
    }

    /** The case as the caller sees it ({@link SpontaneousDisclosure}), with the actions it may take now. */
    private Object view(SpontaneousInformationCase c) {
        Caller who = caller.get();
        List<String> actions = who.roles().contains(Caller.CENTRAL_AUTHORITY) && !who.oversight()
                ? SpontaneousAction.availableTo(c, who.state()).stream().map(SpontaneousAction::pathSegment).toList()
                : List.of();
        Object shown = disclosure.caseFor(who, c);
        if (shown instanceof ObjectNode redacted) {
            redacted.set("allowedActions", redacted.arrayNode().addAll(actions.stream().map(redacted::textNode).toList()));
            return redacted;
        }
        return new SpontaneousInformationView(c, actions);
    }
}
