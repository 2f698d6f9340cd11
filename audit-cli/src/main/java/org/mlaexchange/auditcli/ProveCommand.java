package org.mlaexchange.auditcli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointVerifier;
import org.mlaexchange.contracts.audit.MerkleLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Proves that events are in a service's log as signed: fetches the newest checkpoint (signing one if it does not"
                + " cover the event yet), checks its signature with the service's published key, and checks the event's RFC 9162"
                + " inclusion proof against its Merkle root. For any auditor, including a State's, who sees only its own cases.")
public class ProveCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Parameters(paramLabel = "EVENT_ID", arity = "1..*", description = "Event ids, e.g. from write receipts.")
    List<String> eventIds;

    @Option(names = "--hash", description = "The event hash the receipt gave; the proof must be for this hash (one event only).")
    String expectedHash;

    @Override
    public Integer call() {
        if (expectedHash != null && eventIds.size() != 1) {
            System.err.println("mla-audit: --hash goes with one event id");
            return 2;
        }
        int exit = 0;
        try {
            AuditApi api = connection.api();
            for (String eventId : eventIds) {
                exit = Math.max(exit, prove(api, eventId));
            }
        } catch (AuditFailure e) {
            System.err.println("mla-audit: could not prove: " + e.getMessage());
            return 2;
        }
        return exit;
    }

    private int prove(AuditApi api, String eventId) {
        for (Map.Entry<String, URI> service : connection.services().entrySet()) {
            URI url = service.getValue();
            Optional<JsonNode> proof = api.find(url.resolve("/api/audit/events/" + eventId + "/proof"));
            if (proof.isEmpty()) {
                continue; // not in this service's log, or not a case of the caller's State
            }
            long logseq = proof.get().path("logseq").asLong();
            JsonNode newest = api.get(url.resolve("/api/audit/checkpoints?limit=1"), true).path(0);
            Checkpoint checkpoint = newest.isMissingNode() ? null : Checkpoint.fromJson(newest.toString());
            if (checkpoint == null || checkpoint.treeSize() < logseq) {
                checkpoint = Checkpoint.fromJson(api.post(url.resolve("/api/audit/checkpoints")).toString());
            }
            String name = service.getKey();
            JsonNode keys = api.get(url.resolve("/api/audit/public-keys"), false);
            Optional<String> problem = Optional.of("its key " + checkpoint.keyId() + " is not published");
            for (JsonNode key : keys) {
                if (key.path("keyId").asText().equals(checkpoint.keyId())) {
                    problem = CheckpointVerifier.fromEncoded(key.path("publicKey").asText()).problem(checkpoint);
                }
            }
            if (problem.isPresent()) {
                System.out.printf("%s: NOT PROVEN: the checkpoint of logseq %d from %s does not verify: %s%n", eventId,
                        checkpoint.logseq(), name, problem.get());
                return 1;
            }
            // the proof found above is over the whole log; ask again only if the checkpoint covers another size
            JsonNode inTree = proof.get().path("treeSize").asLong() == checkpoint.treeSize() ? proof.get()
                    : api.get(url.resolve("/api/audit/events/" + eventId + "/proof?treeSize=" + checkpoint.treeSize()), true);
            String hash = inTree.path("eventHash").asText();
            HexFormat hex = HexFormat.of();
            List<byte[]> path = new java.util.ArrayList<>();
            inTree.path("auditPath").forEach(h -> path.add(hex.parseHex(h.asText())));
            boolean included = MerkleLog.verifyInclusion(MerkleLog.leafHashOfEvent(hash), logseq - 1, checkpoint.treeSize(), path,
                    hex.parseHex(checkpoint.merkleRoot()));
            if (!included) {
                System.out.printf("%s: NOT PROVEN: the inclusion proof of logseq %d does not lead to the signed root %s (%s)%n",
                        eventId, logseq, checkpoint.merkleRoot(), name);
                return 1;
            }
            if (expectedHash != null && !expectedHash.equalsIgnoreCase(hash)) {
                System.out.printf("%s: NOT PROVEN: the log holds hash %s at logseq %d, the receipt says %s (%s)%n",
                        eventId, hash, logseq, expectedHash, name);
                return 1;
            }
            System.out.printf("%s: in the log of %s at logseq %d, hash %s; included in the checkpoint of logseq %d signed %s"
                    + " by key %s (signature and inclusion proof verified)%n", eventId, name, logseq, hash, checkpoint.logseq(),
                    checkpoint.time(), checkpoint.keyId());
            return 0;
        }
        System.out.printf("%s: not found in any service's log that this auditor may see%n", eventId);
        return 2;
    }
}
