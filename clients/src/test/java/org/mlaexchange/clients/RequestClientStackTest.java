package org.mlaexchange.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mlaexchange.clients.request.ApiClient;
import org.mlaexchange.clients.request.ApiException;
import org.mlaexchange.clients.request.ApiResponse;
import org.mlaexchange.clients.request.api.RequestsApi;
import org.mlaexchange.clients.request.model.Acknowledge;
import org.mlaexchange.clients.request.model.MeasureKind;
import org.mlaexchange.clients.request.model.MeasureRequest;
import org.mlaexchange.clients.request.model.PersonConcerned;
import org.mlaexchange.clients.request.model.PersonHeard;
import org.mlaexchange.clients.request.model.PersonStatus;
import org.mlaexchange.clients.request.model.RequestView;
import org.mlaexchange.clients.request.model.RequestViewChanged;
import org.mlaexchange.clients.request.model.Submission;
import org.mlaexchange.clients.request.model.TakingEvidence;

/**
 * What a State's IT department does with the generated request-service client, against the running stack
 * (deploy/local/stack test runs it after starting the services; -Pstack): NL submits a request and reads it
 * back, AR acknowledges it at the version it read, and a stale version comes back as the documented 412; a typed
 * hearing built with the generated model classes comes back as the same typed measure.
 */
@Tag("stack")
class RequestClientStackTest {

    private static final String SERVICE = System.getProperty("request-service.url", "http://127.0.0.1:8081");
    private static final String KEYCLOAK = System.getProperty("keycloak.url", "http://127.0.0.1:8180");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void submitAndReadBackThroughTheGeneratedClient() throws Exception {
        ApiClient nlClient = client(token("nl"));
        RequestsApi nl = new RequestsApi(nlClient);
        Submission submission = nlClient.getObjectMapper().readValue("""
                {"requestedState": "AR", "urgent": false, "confidential": false,
                 "content": {
                   "requestingAuthority": {"name": "Central Authority of the Netherlands", "address": "The Hague"},
                   "proceedingsAuthority": {"name": "National Public Prosecutor's Office, International Crimes Unit", "address": "Rotterdam"},
                   "proceedings": {"nature": "INVESTIGATION", "subjectMatter": "Generated client round trip", "caseNumber": "ICU-2026-CLIENT"},
                   "summaryOfFacts": "Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.",
                   "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
                   "measures": [{"kind": "PROVIDING_DOCUMENTS_AND_RECORDS", "specifics": "Bank records of account AR-0042, 2021-2023"}],
                   "purpose": "Establish the suspect's command responsibility",
                   "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo", "phone": "+31 70 000 0001"},
                   "language": "en"}}""", Submission.class);

        ApiResponse<RequestViewChanged> submitted = nl.submitWithHttpInfo(submission);
        assertEquals(201, submitted.getStatusCode());
        RequestView created = submitted.getData().getCase();
        assertNotNull(created.getId());
        assertEquals(1, submitted.getData().getReceipts().size(), "one event, one receipt");

        ApiClient arClient = client(token("ar"));
        RequestsApi ar = new RequestsApi(arClient);
        ApiResponse<RequestView> read = ar.getWithHttpInfo(created.getId());
        RequestView seen = read.getData();
        assertEquals(created.getId(), seen.getId());
        assertEquals("SUBMITTED", String.valueOf(seen.getStatus()));
        assertEquals("NL", seen.getRequestingState());
        assertEquals("Generated client round trip", seen.getContentVersions().get(0).getProceedings().getSubjectMatter());
        assertTrue(seen.getAllowedActions().contains("acknowledge"), "AR may acknowledge: " + seen.getAllowedActions());
        String etag = read.getHeaders().get("etag").get(0);

        Acknowledge acknowledge = arClient.getObjectMapper().readValue(
                "{\"caseReference\": \"AR-CLIENT\", \"contact\": {\"name\": \"M. Gómez\", \"email\": \"mgomez@ar.demo\"}}", Acknowledge.class);
        RequestViewChanged acknowledged = ar.acknowledge(created.getId(), etag, acknowledge);
        assertEquals("ACKNOWLEDGED", String.valueOf(acknowledged.getCase().getStatus()));

        ApiException stale = assertThrows(ApiException.class, () -> ar.acknowledge(created.getId(), etag, acknowledge));
        assertEquals(412, stale.getCode());
        JsonNode problem = JSON.readTree(stale.getResponseBody());
        assertEquals("urn:mla-exchange:problem:stale-version", problem.get("type").asText());

        ApiException notParty = assertThrows(ApiException.class, () -> new RequestsApi(client(token("sn"))).get(created.getId()));
        assertEquals(404, notParty.getCode(), "another State's case does not exist for SN");
    }

    /** A measure of one kind is sent and read as that kind's class (the spec's oneOf with its discriminator on kind). */
    @Test
    void aTypedHearingGoesAndComesBackTyped() throws Exception {
        ApiClient nlClient = client(token("nl"));
        Submission submission = nlClient.getObjectMapper().readValue("""
                {"requestedState": "AR", "urgent": false, "confidential": false,
                 "content": {
                   "requestingAuthority": {"name": "Central Authority of the Netherlands", "address": "The Hague"},
                   "proceedingsAuthority": {"name": "National Public Prosecutor's Office, International Crimes Unit", "address": "Rotterdam"},
                   "proceedings": {"nature": "INVESTIGATION", "subjectMatter": "Typed hearing through the generated client", "caseNumber": "ICU-2026-TYPED"},
                   "summaryOfFacts": "Between 2021 and 2023 civilians were detained and tortured at a site run by the suspect.",
                   "legalQualification": {"category": "CRIMES_AGAINST_HUMANITY", "law": "International Crimes Act, s. 4", "penalty": "life imprisonment"},
                   "purpose": "Establish the suspect's command responsibility",
                   "contact": {"name": "J. de Vries", "email": "j.devries@nl.demo", "phone": "+31 70 000 0001"},
                   "language": "en"}}""", Submission.class);
        // the person to hear is a position in personsConcerned (an identity is held in one place only)
        submission.getContent().addPersonsConcernedItem(new PersonConcerned().identity("Witness W-17").location("Buenos Aires")
                .protectedPerson(false));
        TakingEvidence hearing = new TakingEvidence()
                .kind(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS)
                .specifics("Hear witness W-17 on the conditions of detention")
                .addPersonsItem(new PersonHeard().person(0).status(PersonStatus.WITNESS))
                .addQuestionsItem("Conditions of detention at the site")
                .addQuestionsItem("Who gave the orders")
                .addInterpreterLanguagesItem("es");
        submission.getContent().addMeasuresItem(new MeasureRequest(hearing));

        RequestView created = new RequestsApi(nlClient).submit(submission).getCase();

        RequestView seen = new RequestsApi(client(token("ar"))).get(created.getId());
        MeasureRequest sent = seen.getContentVersions().get(0).getMeasures().get(0);
        assertTrue(sent.getActualInstance() instanceof TakingEvidence, "read as a hearing: " + sent.getActualInstance());
        TakingEvidence read = sent.getTakingEvidence();
        assertEquals(MeasureKind.TAKING_EVIDENCE_OR_STATEMENTS, read.getKind());
        assertEquals(0, read.getPersons().get(0).getPerson());
        assertEquals(PersonStatus.WITNESS, read.getPersons().get(0).getStatus());
        assertEquals(List.of("Conditions of detention at the site", "Who gave the orders"), read.getQuestions());
        assertEquals(List.of("es"), read.getInterpreterLanguages());
        // the case's measure shows what was asked for, typed too
        assertEquals(hearing.getQuestions(), seen.getMeasures().get(0).getRequested().getTakingEvidence().getQuestions());
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(SERVICE);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    /** An officer's access token from the State's own Keycloak realm (password grant of the demo client). */
    private static String token(String realm) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=mla-console&scope=openid&username=officer&password="
                + URLEncoder.encode("officer", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "token from realm " + realm + ": " + response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
