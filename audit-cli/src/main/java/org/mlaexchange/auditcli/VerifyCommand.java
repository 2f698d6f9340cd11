package org.mlaexchange.auditcli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.events.EventJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Replays each service's whole log and verifies its hash chain, its Merkle root against the checkpoints it"
                + " signed, and its consistency with the checkpoints and event hashes this auditor saved on earlier runs"
                + " (the witness folder); saves the new ones when everything verifies.")
public class VerifyCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Option(names = "--witness", paramLabel = "DIR", defaultValue = "${env:MLA_AUDIT_WITNESS:-${sys:user.home}/.mla-audit}",
            description = "Folder of what this auditor verified before (default: ${DEFAULT-VALUE}).")
    Path witnessFolder;

    @Option(names = "--no-save", description = "Do not add this run's checkpoints and hashes to the witness folder.")
    boolean noSave;

    @Option(names = "--no-checkpoint-now", description = "Do not ask the services to sign their current head first.")
    boolean noCheckpointNow;

    @Option(names = "--from-kafka", description = "Read the logs from their Kafka topics instead of the services' audit API.")
    boolean fromKafka;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:MLA_AUDIT_KAFKA:-127.0.0.1:9092}", description = "Default: ${DEFAULT-VALUE}.")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "NAME=TOPIC", description = "A service's event topic (default: mla.<request|evidence|extradition>.events).")
    Map<String, String> topics = new LinkedHashMap<>();

    @Option(names = "--checkpoints-topic", defaultValue = "mla.audit.checkpoints", description = "Default: ${DEFAULT-VALUE}.")
    String checkpointsTopic;

    @Option(names = "--public-key", paramLabel = "NAME=FILE",
            description = "A service's checkpoint-signing public key (PEM) when reading from Kafka (default: fetched from the service).")
    Map<String, Path> publicKeys = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--progress", negatable = true, description = "Progress on stderr (default: when stderr is a terminal).")
    Boolean progress;

    /** Who else sees each service's replayed events (the stats command); nobody by default. */
    java.util.function.Function<String, java.util.function.Consumer<String>> replayedEvents = service -> json -> { };

    @Override
    public Integer call() {
        PrintStream out = System.out;
        List<ServiceAuditor.Report> reports = new ArrayList<>();
        try {
            AuditApi api = fromKafka ? null : connection.api();
            for (Map.Entry<String, URI> service : connection.services().entrySet()) {
                reports.add(audit(api, service.getKey(), service.getValue()));
            }
        } catch (AuditFailure e) {
            print(out, reports);
            System.err.println("mla-audit: could not audit: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            print(out, reports);
            System.err.println("mla-audit: witness folder: " + e);
            return 2;
        }
        print(out, reports);
        return reports.stream().allMatch(ServiceAuditor.Report::intact) ? 0 : 1;
    }

    ServiceAuditor.Report audit(AuditApi api, String service, URI url) throws IOException {
        Witness witness = new Witness(witnessFolder, service);
        ServiceAuditor auditor = new ServiceAuditor(service, witness, !noSave, replayedEvents.apply(service));
        Progress meter = new Progress(System.err, progress != null ? progress : System.console() != null, service);
        Map<String, String> keys = new LinkedHashMap<>();
        if (!fromKafka) {
            keys.putAll(servedKeys(api.get(url.resolve("/api/audit/public-keys"), false)));
            if (!noCheckpointNow) {
                api.post(url.resolve("/api/audit/checkpoints"));
            }
            List<Checkpoint> served = new ArrayList<>();
            api.get(url.resolve("/api/audit/checkpoints?limit=1000"), true).forEach(c -> served.add(Checkpoint.fromJson(c.toString())));
            AuditApi.Replay replay = api.replay(url.resolve("/api/audit/events"));
            try (Stream<String> lines = replay.lines()) {
                if (!replay.complete()) {
                    throw new AuditFailure(service + " replays only part of its log to this auditor (the cases of its State):"
                            + " the chain and the Merkle root can only be checked on the whole log, by an auditor of the"
                            + " oversight body (--issuer .../realms/oversight); a State's auditor proves its own events against a"
                            + " signed checkpoint with: mla-audit prove EVENT_ID");
                }
                Prefetch events = new Prefetch(lines.iterator(), service);
                return auditor.audit(url.toString(), events, served, keys, meter, () -> 0);
            }
        }
        if (publicKeys.containsKey(service)) {
            String pem = Files.readString(publicKeys.get(service));
            keys.put(org.mlaexchange.contracts.audit.CheckpointKeys.keyId(org.mlaexchange.contracts.audit.CheckpointKeys.publicKey(pem)), pem);
        } else {
            try {
                keys.putAll(servedKeys(connection.api().get(url.resolve("/api/audit/public-keys"), false)));
            } catch (AuditFailure e) {
                System.err.println("mla-audit: " + service + ": public keys not fetched (" + e.getMessage()
                        + "); checkpoints are checked with the pinned keys only");
            }
        }
        String topic = topics.getOrDefault(service, "mla." + service.replace("-service", "") + ".events");
        List<Checkpoint> served = KafkaLogs.checkpoints(bootstrapServers, checkpointsTopic, service);
        try (KafkaLogs.Merged merged = KafkaLogs.events(bootstrapServers, topic)) {
            Prefetch events = new Prefetch(merged, service);
            ServiceAuditor.Report report = auditor.audit("kafka://" + bootstrapServers + "/" + topic, events, served, keys, meter,
                    merged::duplicatesSkipped);
            try {
                events.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return report;
        }
    }

    private static Map<String, String> servedKeys(JsonNode keys) {
        Map<String, String> result = new LinkedHashMap<>();
        keys.forEach(k -> result.put(k.path("keyId").asText(), k.path("publicKey").asText()));
        return result;
    }

    private void print(PrintStream out, List<ServiceAuditor.Report> reports) {
        switch (format) {
            case json -> {
                ArrayNode array = EventJson.mapper().createArrayNode();
                reports.forEach(r -> array.add(json(r)));
                out.println(array.toPrettyString());
            }
            case csv -> {
                out.println("service,source,events,redacted,duplicates_skipped,head_logseq,head_hash,merkle_root,checkpoints_verified,"
                        + "witnessed_checkpoints,witnessed_events,result,first_bad_logseq,first_bad_event,reason,seconds,events_per_second");
                for (ServiceAuditor.Report r : reports) {
                    var bad = r.firstBad();
                    out.println(String.join(",", Stream.of(r.service(), r.source(), r.events(), r.redacted(), r.duplicatesSkipped(),
                            r.headLogseq(), r.headHash(), r.merkleRoot(), r.checkpointsVerified(), r.witnessedCheckpoints(),
                            r.witnessedEvents(), r.intact() ? "INTACT" : "BROKEN", bad.map(ServiceAuditor.Finding::logseq).orElse(null),
                            bad.map(ServiceAuditor.Finding::eventId).orElse(null), bad.map(ServiceAuditor.Finding::detail).orElse(null),
                            String.format("%.3f", r.seconds()), String.format("%.0f", r.eventsPerSecond())).map(Format::csv).toList()));
                }
            }
            default -> reports.forEach(r -> text(out, r));
        }
    }

    private static void text(PrintStream out, ServiceAuditor.Report r) {
        out.printf("%s  (%s)%n", r.service(), r.source());
        out.printf("  events      %,d replayed in %.2f s (%,.0f/s)%s%s%n", r.events(), r.seconds(), r.eventsPerSecond(),
                r.redacted() > 0 ? ", " + r.redacted() + " redacted" : "",
                r.duplicatesSkipped() > 0 ? ", " + r.duplicatesSkipped() + " duplicates skipped" : "");
        out.printf("  chain       verified up to logseq %d, head hash %s%n", r.headLogseq(), r.headHash());
        out.printf("  merkle root %s%n", r.merkleRoot());
        Checkpoint newest = r.newestCheckpoint();
        out.printf("  checkpoints %d signed by the service verified%s%n", r.checkpointsVerified(),
                newest == null ? "" : "; newest: logseq " + newest.logseq() + " at " + newest.time() + ", key " + newest.keyId());
        out.printf("  witness     %d checkpoints and %,d event hashes saved on earlier runs, checked%n", r.witnessedCheckpoints(),
                r.witnessedEvents());
        r.notes().forEach(n -> out.printf("  note        %s%n", n));
        if (r.intact()) {
            out.println("  result      INTACT");
        } else {
            ServiceAuditor.Finding first = r.firstBad().orElseThrow();
            out.printf("  result      BROKEN: first bad position %s%s%n", first.position(),
                    first.eventId() == null ? "" : " (event " + first.eventId() + ")");
            r.findings().forEach(f -> out.printf("  finding     [%s] %s: %s%n", f.kind(), f.position(), f.detail()));
        }
        out.println();
    }

    private static ObjectNode json(ServiceAuditor.Report r) {
        ObjectNode node = EventJson.mapper().valueToTree(r);
        node.put("intact", r.intact());
        r.firstBad().ifPresent(f -> node.set("firstBad", EventJson.mapper().valueToTree(f)));
        return node;
    }
}
