package org.mlaexchange.console.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mlaexchange.console.i18n.Texts;

/** The start page (pick your State, then sign in with its identity provider) and the language choice. */
@Path("/")
@Blocking
public class StartResource {

    /** The States whose identity providers the console trusts, and the oversight body. */
    public record Realm(String realm, String code, String nameKey) {
    }

    public static final List<Realm> REALMS = List.of(
            new Realm("nl", "NL", "state.NL"), new Realm("ar", "AR", "state.AR"),
            new Realm("sn", "SN", "state.SN"), new Realm("oversight", "OVERSIGHT", "state.OVERSIGHT"));

    private final Visit visit;

    public StartResource(Visit visit) {
        this.visit = visit;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance start() {
        return visit.page("start", null, Map.of("realms", REALMS));
    }

    /** Remembers the officer's language for a year and returns to the page they were on. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Texts.COOKIE).value(Texts.supported(lang)).path("/")
                .maxAge((int) Duration.ofDays(365).toSeconds()).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
