package org.mlaexchange.platform.reference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.http.QueryParameters;

/** The participating States and their declarations, for any authenticated caller. */
@Path("/api/states")
@Tag(name = "states")
@Authenticated
public class StatesResource {

    private final StateRegistry states;
    private final Clock clock;

    public StatesResource(StateRegistry states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "States Parties, their central authorities, languages and annex declarations; with inForceWith, only the"
            + " States with which the Convention is in force for that State on the day (on, today by default), that State excluded")
    public StateRegistry.ReferenceData states(
            @Parameter(description = "A State's code: only the States the Convention binds together with it on the day")
            @QueryParam("inForceWith") String inForceWith,
            @Parameter(description = "The day (ISO-8601 date, UTC); only the States the Convention binds that day. Today with inForceWith")
            @QueryParam("on") String on) {
        StateCode with = QueryParameters.state("inForceWith", inForceWith, states::isKnown);
        LocalDate day = QueryParameters.date("on", on);
        StateRegistry.ReferenceData all = states.data();
        if (with != null) {
            LocalDate asOf = day == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : day;
            return new StateRegistry.ReferenceData(all.version(), all.annexes(), states.inForceWith(with, asOf));
        }
        if (day != null) {
            return new StateRegistry.ReferenceData(all.version(), all.annexes(), all.states().stream().filter(s -> s.boundOn(day)).toList());
        }
        return all;
    }
}
