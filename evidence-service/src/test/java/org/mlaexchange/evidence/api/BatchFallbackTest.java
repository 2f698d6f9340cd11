package org.mlaexchange.evidence.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.projection.Quarantine;
import org.mlaexchange.platform.testing.PublishedRequests;
import org.mlaexchange.platform.testing.Rows;
import org.mlaexchange.platform.testing.TopicReader;

/**
 * The request consumer applies a poll's records in one transaction (issue 10). A record in the middle that cannot be
 * applied rolls that transaction back and each record is applied alone: the records before and after it keep their
 * effect exactly once and it alone is quarantined, once; an invalid record does not break the batch up.
 */
@QuarkusTest
class BatchFallbackTest {

    private static final String SOURCE = "/mla-exchange/request-service";

    @Inject
    Quarantine quarantine;

    @Inject
    KnownRequests known;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CommitLostTest.LosingCommit losingCommit;

    private final List<UUID> applied = new ArrayList<>();

    @AfterEach
    void forget() throws Exception {
        Evidence.forgetUnpublished(dataSource, applied);
    }

    @Test
    void anUnappliableRecordInTheMiddleIsSetAsideAndEveryOtherAppliedOnce() throws Exception {
        UUID before = UUID.randomUUID();
        UUID paused = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        applied.addAll(List.of(before, paused, after));
        String garbageKey = UUID.randomUUID().toString();
        String submittedBefore = PublishedRequests.submitted(before, "NL", "AR");
        String gap = PublishedRequests.accepted(paused, "AR", 3); // the case is at version 1: caseseq 2 is missing
        List<String> values = List.of(submittedBefore, PublishedRequests.accepted(before, "AR", 2),
                PublishedRequests.submitted(paused, "NL", "AR"), gap, "not a CloudEvent",
                PublishedRequests.submitted(after, "NL", "AR"), submittedBefore /* redelivered */,
                PublishedRequests.accepted(after, "AR", 2));
        List<String> keys = List.of(before.toString(), before.toString(), paused.toString(), paused.toString(), garbageKey,
                after.toString(), before.toString(), after.toString());

        quarantine.guardAll(records(keys, values), SOURCE, known::apply);

        assertEquals(2, known.find(before).orElseThrow().version(), "the records before the gap applied");
        assertEquals(1, known.find(paused).orElseThrow().version(), "the paused case at its last good state");
        assertEquals(2, known.find(after).orElseThrow().version(), "the records after the gap applied");
        List<UUID> validEvents = new ArrayList<>();
        for (String value : values) {
            if (value.startsWith("{") && !value.equals(gap)) {
                validEvents.add(UUID.fromString(EventJson.parse(value).id()));
            }
        }
        assertEquals(5, count("SELECT count(*) FROM inbox WHERE consumer = 'request-projection' AND event_id = ANY(?)",
                validEvents.stream().distinct().toList()), "each valid event remembered once");
        assertEquals(0, count("SELECT count(*) FROM inbox WHERE event_id = ANY(?)",
                List.of(UUID.fromString(EventJson.parse(gap).id()))), "the gap left no trace in the projection");

        // each copy was acknowledged before guardAll returned: a second one would be on the topic already
        List<ConsumerRecord<String, String>> setAside = setAside(List.of(garbageKey, paused.toString()));
        assertEquals(2, setAside.size(), "the gap and the garbage, each set aside once");
        assertEquals(gap, setAside.stream().filter(r -> paused.toString().equals(r.key())).findFirst().orElseThrow().value());
        assertTrue(reason(setAside, paused.toString()).startsWith("not applicable: "), reason(setAside, paused.toString()));
        assertTrue(reason(setAside, garbageKey).startsWith("invalid: "), reason(setAside, garbageKey));
    }

    @Test
    void validRecordsAroundAnInvalidOneShareOneTransaction() throws Exception {
        List<UUID> requests = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String garbageKey = UUID.randomUUID().toString();
        applied.addAll(requests);

        quarantine.guardAll(records(List.of(requests.get(0).toString(), requests.get(1).toString(), garbageKey,
                        requests.get(2).toString()),
                List.of(PublishedRequests.submitted(requests.get(0), "NL", "AR"), PublishedRequests.submitted(requests.get(1), "NL", "AR"),
                        "{\"not\": \"an event\"}", PublishedRequests.submitted(requests.get(2), "NL", "AR"))), SOURCE, known::apply);

        assertEquals(3, count("SELECT count(*) FROM known_request WHERE request_id = ANY(?)", requests));
        // rows written by one transaction carry its id
        assertEquals(1, count("SELECT count(DISTINCT xmin::text) FROM known_request WHERE request_id = ANY(?)", requests),
                "one commit for the batch");
        assertEquals(1, setAside(List.of(garbageKey)).size(), "the invalid record set aside once");
    }

    @Test
    void aBatchWhoseCommitWasLostIsAppliedAgainWhole() throws Exception {
        List<UUID> requests = List.of(UUID.randomUUID(), UUID.randomUUID());
        applied.addAll(requests);
        AtomicInteger calls = new AtomicInteger();

        // the connection is cut after the second record's statements, before the batch's commit
        quarantine.guardAll(records(List.of(requests.get(0).toString(), requests.get(1).toString()),
                        List.of(PublishedRequests.submitted(requests.get(0), "NL", "AR"), PublishedRequests.submitted(requests.get(1), "NL", "AR"))),
                SOURCE, event -> losingCommit.apply(event, calls.incrementAndGet() == 2));

        assertEquals(4, calls.get(), "the whole batch applied again once the database answered");
        assertEquals(1, known.find(requests.get(0)).orElseThrow().version());
        assertEquals(1, known.find(requests.get(1)).orElseThrow().version());
    }

    /** The quarantined copies of the records with these keys: the whole quarantine topic, read to its end. */
    private static List<ConsumerRecord<String, String>> setAside(List<String> keys) {
        return TopicReader.readToEnd(Evidence.REQUEST_TOPIC + ".quarantine", Duration.ofSeconds(30)).stream()
                .filter(r -> keys.contains(r.key())).toList();
    }

    private static List<ConsumerRecord<String, String>> records(List<String> keys, List<String> values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            records.add(new ConsumerRecord<>(Evidence.REQUEST_TOPIC, 0, 1_000_000L + i, keys.get(i), values.get(i)));
        }
        return records;
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        return new String(records.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow()
                .headers().lastHeader("mla-quarantine-reason").value(), StandardCharsets.UTF_8);
    }

    private long count(String sql, List<UUID> ids) throws Exception {
        return Rows.count(dataSource, sql, ids);
    }
}
