package org.mlaexchange.console.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Locale;

/** The signed-in officer: the State whose identity provider signed them in, their token and roles. */
@RequestScoped
public class Officer {

    private final SecurityIdentity identity;

    public Officer(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The OIDC tenant that verified the session: the realm of the officer's State (nl, ar, sn, oversight). */
    public String realm() {
        Object tenant = identity.getAttribute("tenant-id");
        return tenant == null ? "" : tenant.toString();
    }

    /** The State's code as the services use it (NL), or OVERSIGHT. */
    public String state() {
        return realm().toUpperCase(Locale.ROOT);
    }

    public String name() {
        return identity.getPrincipal().getName();
    }

    public String token() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            throw new IllegalStateException("no access token in the session");
        }
        return token.getToken();
    }

    public boolean centralAuthority() {
        return identity.hasRole("central-authority");
    }

    public boolean auditor() {
        return identity.hasRole("auditor");
    }

    /** Read-only: an auditor without the central authority's role never sees action forms. */
    public boolean readOnly() {
        return !centralAuthority();
    }

    public String role() {
        return centralAuthority() ? "central-authority" : "auditor";
    }
}
