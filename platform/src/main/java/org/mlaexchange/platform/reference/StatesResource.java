package org.mlaexchange.platform.reference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The participating States and their declarations, for any authenticated caller. */
@Path("/api/states")
@Tag(name = "states")
@Authenticated
public class StatesResource {

    private final StateRegistry states;

    public StatesResource(StateRegistry states) {
        this.states = states;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "States Parties, their central authorities, languages and annex declarations")
    public StateRegistry.ReferenceData states() {
        return states.data();
    }
}
