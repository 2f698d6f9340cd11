package org.mlaexchange.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mlaexchange.console.api.Service;
import org.mlaexchange.console.api.Services;

/**
 * Evidence content streams through the console, never held in memory: the browser's upload is piped
 * to the evidence service with back-pressure (PUT, with the browser's Content-Digest and the item's
 * If-Match), and a download is piped back the same way. The officer's own token goes with it; the
 * browser never holds a token.
 */
@ApplicationScoped
public class ContentProxy {

    private static final String PATH = "/:realm/items/:id/content";

    private final Services services;
    private final ObjectMapper json;
    private HttpClient client;

    public ContentProxy(Services services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    void routes(@Observes Router router, Vertx vertx) {
        URI evidence = URI.create(services.baseUrl(Service.EVIDENCE));
        client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(evidence.getHost())
                .setDefaultPort(evidence.getPort()).setIdleTimeout(120));
        router.route(HttpMethod.PUT, PATH).handler(this::upload);
        router.route(HttpMethod.GET, PATH).handler(this::download);
    }

    private void upload(RoutingContext rc) {
        HttpServerRequest in = rc.request();
        in.pause();
        String realm = rc.pathParam("realm");
        UUID id = uuid(rc.pathParam("id"));
        String token = token(rc, realm);
        if (id == null || token == null) {
            in.resume();
            rc.response().setStatusCode(id == null ? 404 : 401).end();
            return;
        }
        // double-submit CSRF: the header repeats the cookie, which another site can neither read nor set
        var cookie = rc.request().getCookie(Csrf.COOKIE);
        if (!Csrf.matches(cookie == null ? null : cookie.getValue(), in.getHeader(Csrf.HEADER))) {
            in.resume();
            rc.response().setStatusCode(403).end();
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.PUT).setURI("/api/items/" + id + "/content")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/json");
        copy(in, options, "Content-Digest", "Content-Type", "Content-Length", "If-Match");
        client.request(options)
                .compose(out -> out.send(in))
                .onSuccess(response -> answerUpload(rc, realm, id, response))
                .onFailure(e -> fail(rc, 502));
    }

    /** The service's small JSON answer: on success, where the browser goes next (the item with its receipts). */
    private void answerUpload(RoutingContext rc, String realm, UUID id, HttpClientResponse response) {
        response.body().onSuccess(body -> {
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                List<JsonNode> receipts = new ArrayList<>();
                try {
                    json.readTree(body.getBytes()).path("receipts").forEach(receipts::add);
                } catch (java.io.IOException e) {
                    // the content is stored; the page shows the item without the receipt
                }
                String next = "/" + realm + "/items/" + id + "?done=content&r=" + Receipts.encode(receipts, json);
                rc.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(json.createObjectNode().put("next", next).toString());
            } else {
                rc.response().setStatusCode(status)
                        .putHeader("Content-Type", response.getHeader("Content-Type") == null ? "application/json" : response.getHeader("Content-Type"))
                        .end(body);
            }
        }).onFailure(e -> fail(rc, 502));
    }

    private void download(RoutingContext rc) {
        String realm = rc.pathParam("realm");
        UUID id = uuid(rc.pathParam("id"));
        String token = token(rc, realm);
        if (id == null || token == null) {
            rc.response().setStatusCode(id == null ? 404 : 401).end();
            return;
        }
        String purpose = rc.request().getParam("purpose");
        String uri = "/api/items/" + id + "/content" + (purpose != null && purpose.matches("[A-Z_]{1,40}") ? "?purpose=" + purpose : "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri)
                .putHeader("Authorization", "Bearer " + token);
        copy(rc.request(), options, "Range");
        boolean attachment = "1".equals(rc.request().getParam("save"));
        client.request(options)
                .compose(HttpClientRequest::send)
                .onSuccess(response -> {
                    var out = rc.response().setStatusCode(response.statusCode());
                    for (String h : List.of("Content-Type", "Content-Length", "Content-Digest", "Repr-Digest", "Content-Range", "Accept-Ranges")) {
                        if (response.getHeader(h) != null) {
                            out.putHeader(h, response.getHeader(h));
                        }
                    }
                    out.putHeader("Cache-Control", "no-store");
                    // evidence goes out byte for byte as stored (its digest and length), never re-encoded
                    out.putHeader("Content-Encoding", "identity");
                    if (attachment && response.statusCode() == 200) {
                        out.putHeader("Content-Disposition", "attachment; filename=\"evidence-" + id + "\"");
                    }
                    response.pipeTo(out);
                })
                .onFailure(e -> fail(rc, 502));
    }

    /** The officer's access token, if the session belongs to this path's State. */
    private static String token(RoutingContext rc, String realm) {
        if (!(rc.user() instanceof QuarkusHttpUser user)) {
            return null;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        Object tenant = identity.getAttribute("tenant-id");
        if (identity.isAnonymous() || !realm.equals(String.valueOf(tenant))) {
            return null;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : token.getToken();
    }

    private static void copy(HttpServerRequest in, RequestOptions options, String... headers) {
        for (String h : headers) {
            String v = in.getHeader(h);
            if (v != null) {
                options.putHeader(h, v);
            }
        }
    }

    private static UUID uuid(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void fail(RoutingContext rc, int status) {
        if (!rc.response().headWritten()) {
            rc.response().setStatusCode(status).end();
        } else {
            rc.response().reset();
        }
    }

}
