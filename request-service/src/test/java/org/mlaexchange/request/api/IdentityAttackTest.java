package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlaexchange.platform.testing.AccessSuite;

/** The identity and access suite (AccessSuite) on every operation of request-service's OpenAPI document. */
@QuarkusTest
class IdentityAttackTest {

    @TestFactory
    List<DynamicTest> everyOperation() {
        String request = Api.submitted("nl", "AR");
        return AccessSuite.everyOperation("request-service", Map.of("/api/requests/{id}", new AccessSuite.Fixture(request, "nl", "sn"),
                "/api/audit/cases/{id}", new AccessSuite.Fixture(request, "ar", "sn")));
    }

    /** Anonymous or not, nobody makes the service hold a large body: JSON is bounded up front, anything else by Vert.x. */
    @Test
    void bodiesAreBounded() throws Exception {
        assertEquals(1048576L, ConfigProvider.getConfig().getValue("mla.http.max-json-body-bytes", Long.class));
        // twice the JSON limit: refused on its declared length, and small enough for loopback's socket buffers,
        // so the client finishes writing before it reads the answer (a 17 MiB body broke the pipe first)
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        // without a token: refused before anyone reads it (401, or 413 on its declared length first), never stored
        given().contentType("application/json").body(big).post("/api/requests").then().statusCode(anyOf(is(401), is(413)));
        // with one: 413 problem+json, JSON or not
        Api.as("nl").body(big).post("/api/requests").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(Tokens.officer("nl")).contentType("application/octet-stream").body(big).post("/api/requests")
                .then().statusCode(anyOf(is(413), is(415))).contentType("application/problem+json");
        // a streamed (chunked) JSON body has no length to check up front: refused (411) rather than read without bound
        java.net.HttpURLConnection chunked = (java.net.HttpURLConnection) java.net.URI.create(
                "http://127.0.0.1:" + RestAssured.port + "/api/requests").toURL().openConnection();
        chunked.setRequestMethod("POST");
        chunked.setDoOutput(true);
        chunked.setChunkedStreamingMode(8192);
        chunked.setRequestProperty("Content-Type", "application/json");
        chunked.setRequestProperty("Authorization", "Bearer " + Tokens.officer("nl"));
        try (java.io.OutputStream out = chunked.getOutputStream()) {
            out.write(Api.submission("AR").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(411, chunked.getResponseCode());
        assertEquals("application/problem+json", chunked.getContentType());
    }
}
