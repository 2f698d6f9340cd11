package org.mlaexchange.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Calls the services as the signed-in officer: every call carries the officer's own access token, so
 * the console can never see or do more than the APIs allow that officer. No service account.
 */
@ApplicationScoped
public class Services {

    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration timeout;
    private final String requests;
    private final String evidence;
    private final String extradition;

    public Services(ObjectMapper json,
                    @ConfigProperty(name = "mla.services.requests") String requests,
                    @ConfigProperty(name = "mla.services.evidence") String evidence,
                    @ConfigProperty(name = "mla.services.extradition") String extradition,
                    @ConfigProperty(name = "mla.services.timeout") Duration timeout) {
        this.json = json;
        this.requests = requests;
        this.evidence = evidence;
        this.extradition = extradition;
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade round on every new connection to a plain-HTTP service
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String baseUrl(Service service) {
        return switch (service) {
            case REQUESTS -> requests;
            case EVIDENCE -> evidence;
            case EXTRADITION -> extradition;
        };
    }

    public ApiResponse get(Service service, String path, String token) {
        return call("GET", service, path, token, null, null);
    }

    public ApiResponse post(Service service, String path, String token, String ifMatch, JsonNode body) {
        return call("POST", service, path, token, ifMatch, body);
    }

    public ApiResponse call(String method, Service service, String path, String token, String ifMatch, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (ifMatch != null && !ifMatch.isBlank()) {
            request.header("If-Match", ifMatch);
        }
        try {
            if (body != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } else {
                request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
                if (method.equals("POST")) {
                    request.header("Content-Type", "application/json");
                }
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode parsed = MissingNode.getInstance();
            byte[] bytes = response.body();
            if (bytes.length > 0 && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                parsed = json.readTree(bytes);
            }
            return new ApiResponse(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Location").orElse(null), parsed);
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, e);
        }
    }

    /** A representation other than JSON (the statistics as CSV), as the service sent it. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(Service service, String path, String token, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(service) + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new ServiceUnavailable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(service, e);
        }
    }

    /** A service did not answer (down, or too slow): the page says which one. */
    public static class ServiceUnavailable extends RuntimeException {
        private final Service service;

        public ServiceUnavailable(Service service, Exception cause) {
            super(service.label() + " did not answer: " + cause.getMessage(), cause);
            this.service = service;
        }

        public Service service() {
            return service;
        }
    }
}
