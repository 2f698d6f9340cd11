package org.mlaexchange.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.evidence.domain.ItemCommand;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.identity.CurrentCaller;
import org.mlaexchange.platform.write.Writes;

/** The providing State decides on a request to use evidence beyond the request's proceedings. */
@Path("/api/use-consents")
@Tag(name = "items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.CENTRAL_AUTHORITY)
public class UseConsentResource {

    private final EvidenceService evidence;
    private final EvidenceViews views;
    private final CurrentCaller caller;

    public UseConsentResource(EvidenceService evidence, EvidenceViews views, CurrentCaller caller) {
        this.evidence = evidence;
        this.views = views;
        this.caller = caller;
    }

    public record Decision(@NotNull UseConsentDecision decision, List<String> conditions, String reasons) {
    }

    @POST
    @Path("/{id}/decision")
    @Operation(summary = "Providing State: grant, grant with conditions, or deny (with reasons), at the item's version (If-Match)")
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull Decision body) {
        Writes.Written<EvidenceService.Result> decided = evidence.decideConsent(caller.get(), id, ifMatch,
                new ItemCommand.DecideUseConsent(id, body.decision(), body.conditions(), body.reasons()));
        return views.itemChanged(Response.ok(), decided.value().items().get(0).id(), decided);
    }
}
