package org.mlaexchange.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.reference.StateRegistry;

/**
 * Routes a bearer token to the OIDC tenant of its (not yet verified) issuer; that tenant then checks
 * signature, issuer, audience and expiry. Routing by configuration instead of by discovered metadata
 * lets a service recover by itself when an identity provider was down at start-up.
 * A token from any other issuer goes to the disabled default tenant and is refused (401).
 */
@ApplicationScoped
public class IssuerTenantResolver implements TenantResolver {

    private static final Logger LOG = Logger.getLogger(IssuerTenantResolver.class);

    private final Map<String, String> tenantByIssuer = new HashMap<>();

    public IssuerTenantResolver(StateRegistry states, PlatformConfig platform, Config config) {
        states.data().states().forEach(s -> register(config, s.code().value().toLowerCase(Locale.ROOT)));
        platform.identity().oversightTenants().forEach(t -> register(config, t));
        LOG.infof("OIDC tenants by issuer: %s", tenantByIssuer);
    }

    private void register(Config config, String tenant) {
        config.getOptionalValue("quarkus.oidc." + tenant + ".token.issuer", String.class)
                .or(() -> config.getOptionalValue("quarkus.oidc." + tenant + ".auth-server-url", String.class))
                .ifPresent(issuer -> tenantByIssuer.put(stripSlash(issuer), tenant));
    }

    @Override
    public String resolve(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String issuer = unverifiedIssuer(authorization.substring(7).trim());
        return issuer == null ? null : tenantByIssuer.get(stripSlash(issuer));
    }

    static String unverifiedIssuer(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = EventJson.tree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode iss = claims.get("iss");
            return iss != null && iss.isTextual() ? iss.asText() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String stripSlash(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
