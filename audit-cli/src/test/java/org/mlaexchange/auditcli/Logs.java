package org.mlaexchange.auditcli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointSigner;
import org.mlaexchange.contracts.audit.MerkleLog;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;

/** Service logs sealed as a service seals them, written to real Kafka topics the way the relay publishes them. */
final class Logs {

    static final String BOOTSTRAP = System.getProperty("mla.test.kafka", "127.0.0.1:9092");
    static final String SERVICE = "request-service";

    private Logs() {
    }

    record Event(String caseId, String json, String hash) {
    }

    /** {@code length} events over four cases; event {@code rewrittenFrom} and later carry other content (a forgery). */
    static List<Event> chain(int length, int rewrittenFrom) {
        List<Event> log = new ArrayList<>();
        String prev = HashChain.GENESIS;
        long[] caseseq = new long[4];
        for (int i = 1; i <= length; i++) {
            int c = i % 4;
            String caseId = "00000000-0000-0000-0000-00000000000" + c;
            Map<String, Object> data = Map.of("n", i, "note", i >= rewrittenFrom ? "rewritten by the operator" : "as it happened");
            CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.nameUUIDFromBytes(("e" + i).getBytes()).toString(),
                    "/mla-exchange/" + SERVICE, "org.mlaexchange.request.submitted.v1", caseId,
                    Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i).toString(), CloudEvent.DATA_CONTENT_TYPE, "NL",
                    ++caseseq[c], i, prev, null, EventJson.toData(data));
            HashChain.Sealed sealed = HashChain.seal(event);
            log.add(new Event(caseId, sealed.json(), sealed.event().hash()));
            prev = sealed.event().hash();
        }
        return log;
    }

    static List<Event> chain(int length) {
        return chain(length, Integer.MAX_VALUE);
    }

    static Checkpoint checkpoint(CheckpointSigner signer, List<Event> log, int size) {
        MerkleLog tree = new MerkleLog();
        log.subList(0, size).forEach(e -> tree.appendEventHash(e.hash()));
        return signer.sign(SERVICE, size, log.get(size - 1).hash(), size, tree.rootHex(), Instant.parse("2026-11-22T11:00:00Z"));
    }

    static String newTopic(String what) throws Exception {
        String topic = "audit-cli-test." + what + "." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    static void deleteTopics(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** Publishes events keyed by case, as the relay does (one case stays in one partition, in order). */
    static void publish(String topic, List<Event> events) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (Event e : events) {
                producer.send(new ProducerRecord<>(topic, e.caseId(), e.json()));
            }
            producer.flush();
        }
    }

    static void publishCheckpoints(String topic, List<Checkpoint> checkpoints) {
        try (KafkaProducer<String, String> producer = producer()) {
            for (Checkpoint c : checkpoints) {
                producer.send(new ProducerRecord<>(topic, c.service(), c.toJson()));
            }
            producer.flush();
        }
    }
}
