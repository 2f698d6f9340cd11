package org.mlaexchange.evidence.api;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mlaexchange.evidence.api.Evidence.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.testing.PublishedRequests;

/**
 * Evidence items handed over with spontaneous information (domain.md §3): the information's events come over the real
 * broker into this service's projection, and only the State that sent it hands items over, while it is on offer.
 */
@QuarkusTest
class SpontaneousEvidenceTest {

    @Inject
    KnownRequests known;

    @Test
    void theProvidingStateHandsItemsOverWithTheInformationItSent() {
        UUID information = published(id -> List.of(new SpontaneousInformationEvent.Acknowledged(id, "NL-SI-1",
                new ContactPerson("J. de Vries", "jdevries@nl.demo", null), Instant.now())), SpontaneousStatus.ACKNOWLEDGED);

        // the receiving State has nothing to hand over with it; a third State does not know it exists
        as("nl").body(Map.of("spontaneousInformationId", information)).post("/api/transfers").then().statusCode(403);
        as("sn").body(Map.of("spontaneousInformationId", information)).post("/api/transfers").then().statusCode(404);
        // one case per transfer
        as("ar").body(Map.of("spontaneousInformationId", information, "requestId", UUID.randomUUID())).post("/api/transfers")
                .then().statusCode(422).body("errors.field", hasItem("spontaneousInformationId"));

        String transfer = as("ar").body(Map.of("spontaneousInformationId", information, "note", "The photographs mentioned"))
                .post("/api/transfers").then().statusCode(201)
                .body("case.purpose", equalTo("SPONTANEOUS_INFORMATION"))
                .body("case.requestId", equalTo(information.toString()))
                .body("case.providingState", equalTo("AR")).body("case.receivingState", equalTo("NL"))
                .extract().path("case.id");
        Map<String, Object> photographs = Map.of("kind", "DIGITAL_DATA", "description", "Photographs of the site",
                "provenance", Map.of("method", "Site visit", "obtainedOn", "2026-10-01", "place", "Site X", "obtainedBy", "Policía Federal"),
                "legalBasis", "Investigation 12/2026", "mediaType", "image/jpeg");
        String item = Evidence.register("ar", transfer, photographs);
        byte[] content = Evidence.bytes(64 * 1024, 7);
        Evidence.upload("ar", item, content, Evidence.digestHeader(content)).statusCode(200);
        Evidence.act("ar", "/api/transfers/" + transfer, "dispatch", Map.of("reference", "AR-SI-1")).statusCode(200)
                .body("case.status", equalTo("DISPATCHED"));
        as("nl").get("/api/transfers/" + transfer).then().statusCode(200).body("items.id", hasItem(item));
        as("nl").get("/api/transfers?requestId=" + information).then().statusCode(200).body("items.id", hasItem(transfer));
    }

    @Test
    void nothingIsHandedOverOnceTheConditionsAreDeclined() {
        UUID information = published(id -> List.of(new SpontaneousInformationEvent.ConditionsDeclined(id,
                "Our law does not allow the limit on use", Instant.now())), SpontaneousStatus.CONDITIONS_DECLINED);
        as("ar").body(Map.of("spontaneousInformationId", information)).post("/api/transfers").then().statusCode(409)
                .body("type", equalTo("urn:mla-exchange:problem:transition-forbidden"));
    }

    /** AR → NL spontaneous information with the receiving State's answers, once this service's projection reached {@code status}. */
    private UUID published(java.util.function.Function<UUID, List<SpontaneousInformationEvent>> answers, SpontaneousStatus status) {
        UUID id = PublishedRequests.spontaneousInformation(Evidence.REQUEST_TOPIC, "AR", "NL", answers);
        await().atMost(Duration.ofSeconds(30)).until(() -> known.findSpontaneous(id).filter(f -> f.status() == status).isPresent());
        return id;
    }
}
