package org.mlaexchange.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.TransferPurpose;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.domain.Transfer;
import org.mlaexchange.evidence.domain.TransferCommand;
import org.mlaexchange.evidence.domain.TransferStatus;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.write.Writes;

/**
 * Transfers of evidence in execution of an MLA request: the providing State opens one, registers
 * items, stores their content and dispatches it; then it is sealed. Only the two parties see it.
 */
@Path("/api/transfers")
@Tag(name = "transfers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class TransferResource {

    private final EvidenceService evidence;
    private final EvidenceViews views;
    private final CurrentCaller caller;

    public TransferResource(EvidenceService evidence, EvidenceViews views, CurrentCaller caller) {
        this.evidence = evidence;
        this.views = views;
        this.caller = caller;
    }

    /** The case the transfer is for: an MLA request, or spontaneous information the caller's State sent (exactly one). */
    public record Opening(@Schema(description = "The MLA request the transfer is made for (or give spontaneousInformationId)") UUID requestId,
                          @Schema(description = "Spontaneous information your State sent, whose evidence items the transfer hands over (or give requestId)")
                          UUID spontaneousInformationId,
                          String note) {

        void requireOneCase() {
            if (requestId == null && spontaneousInformationId == null) {
                throw ProblemException.invalid("Name the case the transfer is for",
                        List.of(new Problem.FieldError("requestId", "required: the MLA request's id (or spontaneousInformationId)")));
            }
            if (requestId != null && spontaneousInformationId != null) {
                throw ProblemException.invalid("A transfer is for one case",
                        List.of(new Problem.FieldError("spontaneousInformationId", "give either requestId or spontaneousInformationId, not both")));
            }
        }
    }

    public record Dispatching(String reference) {
    }

    public record Cancelling(String reasons) {
    }

    /** What a list shows of a transfer. */
    public record TransferSummary(UUID id, UUID requestId, StateCode providingState, StateCode receivingState, TransferPurpose purpose,
                                  TransferStatus status, int version, Instant openedAt) {
    }

    public record TransferList(List<TransferSummary> items) {
    }

    @GET
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "The transfers of an MLA request your State is party to, oldest first (none for another State's request)")
    public TransferList byRequest(@QueryParam("requestId") @NotNull(message = "required: the MLA request's id") UUID requestId) {
        return new TransferList(evidence.transfersOf(caller.get(), requestId).stream().map(t -> new TransferSummary(t.id(), t.requestId(),
                t.providingState(), t.receivingState(), t.purpose(), t.status(), t.version(), t.openedAt())).toList());
    }

    @POST
    @Operation(summary = "Open a transfer for an MLA request you are party to (results in execution, or supporting material),"
            + " or for spontaneous information your State sent (its evidence items)")
    public Response open(@NotNull @Valid Opening body, @Context UriInfo uri) {
        body.requireOneCase();
        Writes.Written<EvidenceService.Result> opened = body.requestId() != null
                ? evidence.open(caller.get(), body.requestId(), body.note())
                : evidence.openWithSpontaneousInformation(caller.get(), body.spontaneousInformationId(), body.note());
        URI location = uri.getAbsolutePathBuilder().path(opened.value().transfer().id().toString()).build();
        return views.transferChanged(Response.created(location), opened);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "A transfer and its items' metadata and status")
    public Response get(@PathParam("id") UUID id) {
        Transfer transfer = evidence.transfer(caller.get(), id);
        return Response.ok(views.transfer(transfer, evidence.itemsOf(caller.get(), id)))
                .header(HttpHeaders.ETAG, Versions.etag(transfer.version())).build();
    }

    @POST
    @Path("/{id}/items")
    @Operation(summary = "Register an item's metadata and conditions (content follows with PUT /api/items/{id}/content)")
    public Response register(@PathParam("id") UUID id, @NotNull ItemMetadata metadata, @Context UriInfo uri) {
        Writes.Written<EvidenceService.Result> registered = evidence.register(caller.get(), id, metadata);
        EvidenceItem item = registered.value().items().get(0);
        URI location = uri.getBaseUriBuilder().path("api/items").path(item.id().toString()).build();
        return views.itemChanged(Response.created(location), item.id(), registered);
    }

    @POST
    @Path("/{id}/dispatch")
    @Operation(summary = "Seal and hand over the transfer: no item can be added or changed afterwards")
    public Response dispatch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Dispatching body) {
        return views.transferChanged(Response.ok(), evidence.dispatch(caller.get(), id, ifMatch, body == null ? null : body.reference()));
    }

    @POST
    @Path("/{id}/erase-personal-data")
    @Operation(summary = "Providing State (which supplied the personal data), once the transfer ended and every item handed over is"
            + " back or disposed of: erase the personal data of the transfer and its items on a legal ground; the transfer's data key"
            + " is destroyed, its personal data reads \"erased\" everywhere, its items' stored content is deleted (their digests stay),"
            + " its log still verifies, and neither it nor its items take more actions")
    public Response erasePersonalData(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @NotNull TransferCommand.ErasePersonalData body) {
        return views.transferChanged(Response.ok(), evidence.erasePersonalData(caller.get(), id, ifMatch, body));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an open transfer")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Cancelling body) {
        return views.transferChanged(Response.ok(), evidence.cancel(caller.get(), id, ifMatch, body == null ? null : body.reasons()));
    }
}
