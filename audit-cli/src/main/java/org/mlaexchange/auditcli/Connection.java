package org.mlaexchange.auditcli;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the services are and how the auditor signs in (options shared by the commands). */
final class Connection {

    static final Map<String, URI> LOCAL = new LinkedHashMap<>();

    static {
        LOCAL.put("request-service", URI.create("http://127.0.0.1:8081"));
        LOCAL.put("evidence-service", URI.create("http://127.0.0.1:8082"));
        LOCAL.put("extradition-service", URI.create("http://127.0.0.1:8083"));
    }

    @Option(names = "--service", paramLabel = "NAME=URL", mapFallbackValue = "",
            description = "A service to audit (repeatable). Default: the three services of the local stack (ports 8081-8083).")
    Map<String, URI> services = new LinkedHashMap<>();

    @Option(names = "--token", defaultValue = "${env:MLA_AUDIT_TOKEN}",
            description = "An access token of an auditor (default: $MLA_AUDIT_TOKEN); otherwise client credentials are used.")
    String token;

    @Option(names = "--issuer", defaultValue = "${env:MLA_AUDIT_ISSUER:-http://127.0.0.1:8180/realms/oversight}",
            description = "Issuer of the auditor's identity provider, for client credentials (default: ${DEFAULT-VALUE}).")
    URI issuer;

    @Option(names = "--client-id", defaultValue = "${env:MLA_AUDIT_CLIENT_ID:-audit-cli}", description = "Default: ${DEFAULT-VALUE}.")
    String clientId;

    @Option(names = "--client-secret", defaultValue = "${env:MLA_AUDIT_CLIENT_SECRET}",
            description = "Secret of the client (default: $MLA_AUDIT_CLIENT_SECRET).")
    String clientSecret;

    Map<String, URI> services() {
        return services.isEmpty() ? LOCAL : services;
    }

    AuditApi api() {
        return new AuditApi(new AuditApi.Login(Optional.ofNullable(token).filter(t -> !t.isBlank()), issuer, clientId,
                Optional.ofNullable(clientSecret).filter(s -> !s.isBlank())));
    }
}
