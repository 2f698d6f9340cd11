package org.mlaexchange.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.evidence.domain.EvidenceItem;
import org.mlaexchange.evidence.domain.ItemCommand;
import org.mlaexchange.evidence.store.ContentStore;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/**
 * Evidence items: content in and out as streams with RFC 9530 digests, receipts, the chain of
 * custody, and the limits on use (speciality of evidence) with their consents.
 */
@Path("/api/items")
@Tag(name = "items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class ItemResource {

    private final EvidenceService evidence;
    private final EvidenceViews views;
    private final ContentStore contentStore;
    private final CurrentCaller caller;

    public ItemResource(EvidenceService evidence, EvidenceViews views, ContentStore contentStore, CurrentCaller caller) {
        this.evidence = evidence;
        this.views = views;
        this.contentStore = contentStore;
        this.caller = caller;
    }

    public record ConsentRequest(@NotNull UsePurpose purpose, StateCode thirdState, String description) {
    }

    public record ExculpatoryNotice(String disclosedTo, String description, LocalDate disclosureDate) {
    }

    public record Note(String note) {
    }

    public record Disposal(String method) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "An item's metadata, conditions, seal, receipt and consents (never its content)")
    public Response get(@PathParam("id") UUID id) {
        EvidenceItem item = evidence.item(caller.get(), id);
        return Response.ok(views.item(item)).header(HttpHeaders.ETAG, Versions.etag(item.version())).build();
    }

    @PUT
    @Path("/{id}/content")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload the content as a raw stream with Content-Digest: sha-256=:<base64>: (RFC 9530), at the item's version (If-Match)")
    public Response upload(@PathParam("id") UUID id, @HeaderParam("Content-Digest") String contentDigest,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String mediaType, InputStream content) {
        byte[] expected = ContentDigest.parseSha256(contentDigest);
        return views.itemChanged(Response.ok(), id, evidence.storeContent(caller.get(), id, ifMatch, content, expected, contentLength,
                mediaType == null ? MediaType.APPLICATION_OCTET_STREAM : mediaType));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the content (Range supported); every access is a custody event with its purpose")
    public Response download(@PathParam("id") UUID id, @QueryParam("purpose") @DefaultValue("PROCEEDINGS_OF_REQUEST") UsePurpose purpose,
                             @QueryParam("consent") UUID consentId, @HeaderParam("Range") String range) {
        EvidenceItem item = evidence.access(caller.get(), id, purpose, consentId);
        EvidenceItem.StoredContent stored = item.content();
        if (stored == null) {
            throw ProblemException.conflict("no-content", "No content", "This item has no stored content");
        }
        long size = stored.size();
        String reprDigest = ContentDigest.header(HexFormat.of().parseHex(stored.sha256()));
        ByteRange byteRange = ByteRange.parse(range, size);
        StreamingOutput body = out -> {
            if (size > 0) {
                contentStore.read(id, byteRange.first(), byteRange.last(), out);
            }
        };
        Response.ResponseBuilder response = byteRange.partial()
                ? Response.status(206).header("Content-Range", "bytes " + byteRange.first() + "-" + byteRange.last() + "/" + size)
                : Response.ok().header("Content-Digest", reprDigest);
        return response.entity(body).type(stored.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, byteRange.length())
                .header("Repr-Digest", reprDigest)
                .header("Accept-Ranges", "bytes")
                // the content never changes once stored: its digest names it (a strong validator, RFC 9110 §8.8.3)
                .header(HttpHeaders.ETAG, "\"sha-256:" + stored.sha256() + "\"")
                .build();
    }

    @POST
    @Path("/{id}/receipt")
    @Operation(summary = "Receiving State: your own digest (or seal number) of what arrived; a mismatch quarantines the item")
    public Response receipt(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @NotNull ItemCommand.RecordReceipt body) {
        return views.itemChanged(Response.ok(), id, evidence.receipt(caller.get(), id, ifMatch, body));
    }

    @GET
    @Path("/{id}/custody")
    @RolesAllowed({Caller.CENTRAL_AUTHORITY, Caller.AUDITOR})
    @Operation(summary = "The item's chain of custody: every event, in order, as published")
    public List<CloudEvent> custody(@PathParam("id") UUID id) {
        return evidence.custody(caller.get(), id);
    }

    @POST
    @Path("/{id}/use-consents")
    @Operation(summary = "Receiving State: ask the providing State's consent to use the item for other proceedings or pass it on")
    public Response requestConsent(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @NotNull ConsentRequest body) {
        return views.itemChanged(Response.status(201), id, evidence.act(caller.get(), id, ifMatch,
                new ItemCommand.RequestUseConsent(body.purpose(), body.thirdState(), body.description())));
    }

    @POST
    @Path("/{id}/exculpatory-disclosures")
    @Operation(summary = "Receiving State: prior notice that exculpatory material will be disclosed")
    public Response exculpatory(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @NotNull ExculpatoryNotice body) {
        return views.itemChanged(Response.ok(), id, evidence.act(caller.get(), id, ifMatch,
                new ItemCommand.NotifyExculpatoryDisclosure(body.disclosedTo(), body.description(), body.disclosureDate())));
    }

    @POST
    @Path("/{id}/return")
    @Operation(summary = "Providing State: the item came back")
    public Response returned(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Note body) {
        return views.itemChanged(Response.ok(), id, evidence.act(caller.get(), id, ifMatch,
                new ItemCommand.RecordReturn(body == null ? null : body.note())));
    }

    @POST
    @Path("/{id}/disposal")
    @Operation(summary = "Receiving State: the item was disposed of")
    public Response disposal(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull Disposal body) {
        return views.itemChanged(Response.ok(), id, evidence.act(caller.get(), id, ifMatch, new ItemCommand.Dispose(body.method())));
    }

    /** A single {@code bytes=first-last} range (or the whole content). */
    record ByteRange(long first, long last, boolean partial) {

        long length() {
            return last < first ? 0 : last - first + 1;
        }

        static ByteRange parse(String header, long size) {
            if (header == null || header.isBlank()) {
                return new ByteRange(0, size - 1, false);
            }
            var match = java.util.regex.Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(header.trim());
            if (!match.matches() || (match.group(1).isEmpty() && match.group(2).isEmpty())) {
                throw unsatisfiable(header, size);
            }
            long first;
            long last;
            if (match.group(1).isEmpty()) { // suffix: the last N bytes
                first = Math.max(0, size - Long.parseLong(match.group(2)));
                last = size - 1;
            } else {
                first = Long.parseLong(match.group(1));
                last = match.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(match.group(2)), size - 1);
            }
            if (first >= size || last < first) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(first, last, true);
        }

        private static ProblemException unsatisfiable(String header, long size) {
            return new ProblemException(Problem.of(416, "range-not-satisfiable", "Range not satisfiable",
                    "Range " + header + " does not fit content of " + size + " bytes (only one bytes=first-last range is served)", null));
        }
    }
}
