package org.mlaexchange.platform.identity;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.reference.StateRegistry;

/**
 * The caller of the current request, from its verified token: the OIDC tenant that verified the
 * token is the caller's State. Request scoped, so singletons (REST resources) get a fresh one per call.
 */
@RequestScoped
public class CurrentCaller {

    /** Attribute quarkus-oidc sets on the identity: the tenant that verified the token. */
    static final String TENANT_ID = "tenant-id";

    private final SecurityIdentity identity;
    private final StateRegistry states;
    private final PlatformConfig config;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, StateRegistry states, PlatformConfig config) {
        this.identity = identity;
        this.states = states;
        this.config = config;
    }

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        String tenant = identity.getAttribute(TENANT_ID);
        if (identity.isAnonymous() || tenant == null) {
            throw new UnauthorizedException("no verified token");
        }
        String subject = identity.getPrincipal().getName();
        if (config.identity().oversightTenants().contains(tenant)) {
            return new Caller(null, true, subject, identity.getRoles());
        }
        StateCode state = StateCode.of(tenant.toUpperCase(Locale.ROOT));
        if (!states.isKnown(state)) {
            throw new ForbiddenException("tenant " + tenant + " is not a State in the reference data");
        }
        return new Caller(state, false, subject, identity.getRoles());
    }
}
