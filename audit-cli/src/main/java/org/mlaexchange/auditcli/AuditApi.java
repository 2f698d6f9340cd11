package org.mlaexchange.auditcli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.mlaexchange.contracts.events.EventJson;

/** The services' audit API over HTTP, with a bearer token from the auditor's identity provider. */
final class AuditApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Login login;
    private String token;

    AuditApi(Login login) {
        this.login = login;
    }

    /** How the CLI gets its token: given, or OAuth 2.0 client credentials at the issuer's token endpoint. */
    record Login(Optional<String> token, URI issuer, String clientId, Optional<String> clientSecret) {
    }

    private String token() {
        if (token == null) {
            token = login.token().orElseGet(this::clientCredentials);
        }
        return token;
    }

    private String clientCredentials() {
        String secret = login.clientSecret().orElseThrow(() -> new AuditFailure(
                "no token: give --token (or MLA_AUDIT_TOKEN) or the client secret of " + login.clientId()
                        + " (--client-secret or MLA_AUDIT_CLIENT_SECRET)"));
        String issuer = login.issuer().toString().replaceAll("/+$", "");
        JsonNode discovery = json(send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).GET().build(),
                "OIDC discovery at " + issuer));
        URI tokenEndpoint = URI.create(discovery.path("token_endpoint").asText());
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(login.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        JsonNode answer = json(send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), "sign-in of " + login.clientId() + " at " + tokenEndpoint));
        return answer.path("access_token").asText();
    }

    JsonNode get(URI uri, boolean authenticated) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (authenticated) {
            request.header("Authorization", "Bearer " + token());
        }
        return json(send(request.build(), "GET " + uri));
    }

    /** GET with the token; empty on 404 (not there, or not for this caller). */
    Optional<JsonNode> find(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new AuditFailure("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return Optional.of(json(response.body()));
        } catch (IOException e) {
            throw new AuditFailure("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted", e);
        }
    }

    JsonNode post(URI uri) {
        return json(send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token())
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(), "POST " + uri));
    }

    /** NDJSON lines as they arrive (the service streams the log; nothing is held whole). */
    Stream<String> lines(URI uri) {
        return replay(uri).lines();
    }

    /** The replayed lines and whether the service says they are its whole log ({@code Audit-Log-View: complete}). */
    record Replay(Stream<String> lines, boolean complete) {
    }

    Replay replay(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token())
                .header("Accept", "application/x-ndjson").GET().build();
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().limit(20).toList());
                response.body().close();
                throw new AuditFailure("GET " + uri + " answered " + response.statusCode() + ": " + body);
            }
            return new Replay(response.body().filter(line -> !line.isBlank()),
                    response.headers().firstValue("Audit-Log-View").map("complete"::equals).orElse(false));
        } catch (IOException e) {
            throw new AuditFailure("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted", e);
        }
    }

    private String send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AuditFailure(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new AuditFailure(what + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("interrupted", e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return EventJson.mapper().readTree(body);
        } catch (IOException e) {
            throw new AuditFailure("not JSON: " + body.substring(0, Math.min(200, body.length())));
        }
    }
}
