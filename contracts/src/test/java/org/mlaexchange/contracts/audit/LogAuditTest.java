package org.mlaexchange.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogAuditTest {

    private static final CheckpointSigner SIGNER = CheckpointSigner.generate();
    private static final CheckpointVerifier VERIFIER = new CheckpointVerifier(SIGNER.publicKey());
    private static final int LENGTH = 10;

    /** What the service signs after writing the first {@code size} events of {@code log}. */
    private static Checkpoint checkpoint(List<String> log, int size) {
        MerkleLog tree = new MerkleLog();
        AuditLogs.hashes(log.subList(0, size)).forEach(tree::appendEventHash);
        String head = size == 0 ? "0".repeat(64) : AuditLogs.hashes(log).get(size - 1);
        Checkpoint checkpoint = SIGNER.sign(AuditLogs.SERVICE, size, head, size, tree.rootHex(), Instant.parse("2026-11-22T12:00:00Z"));
        assertTrue(VERIFIER.verify(checkpoint));
        return checkpoint;
    }

    private static LogAudit audit(List<String> log, Checkpoint... watched) {
        return LogAudit.of(log, List.of(watched));
    }

    @Test
    void intactLogMatchesItsCheckpoints() {
        List<String> log = AuditLogs.chain(LENGTH);
        Checkpoint early = checkpoint(log, 4);
        Checkpoint head = checkpoint(log, LENGTH);
        Checkpoint empty = checkpoint(log, 0);
        LogAudit audit = audit(log, early, empty);
        LogAudit.Result result = audit.result();
        assertTrue(result.intact());
        assertNull(result.firstBreak());
        assertEquals(LENGTH, result.count());
        assertEquals(LENGTH, result.headLogseq());
        assertEquals(LENGTH, result.treeSize());
        assertEquals(AuditLogs.hashes(log).get(LENGTH - 1), result.headHash());
        assertEquals(HexFormat.of().formatHex(MerkleLog.rootOf(AuditLogs.leafHashes(log), LENGTH)), result.merkleRoot());
        for (Checkpoint checkpoint : List.of(early, head, empty)) {
            LogAudit.Check check = audit.checkAgainst(checkpoint);
            assertTrue(check.consistent(), check.reason());
            assertEquals(0, check.badLogseq());
            assertEquals(checkpoint.logseq(), check.lastGoodLogseq());
        }
        assertTrue(audit.checkWatched().stream().allMatch(LogAudit.Check::consistent));
    }

    @Test
    void editedPayloadIsTheFirstBadPosition() {
        List<String> original = AuditLogs.chain(LENGTH);
        Checkpoint before = checkpoint(original, 2);
        Checkpoint after = checkpoint(original, 8);
        List<String> log = new ArrayList<>(original);
        log.set(2, log.get(2).replace("\"n\":3", "\"n\":4"));

        LogAudit audit = audit(log, before);
        LogAudit.Result result = audit.result();
        assertFalse(result.intact());
        assertEquals(3, result.firstBreak().logseq());
        assertEquals(2, result.headLogseq());
        assertEquals(2, result.treeSize());
        assertEquals(LENGTH, result.count());
        assertTrue(audit.checkAgainst(before).consistent());
        LogAudit.Check check = audit.checkAgainst(after);
        assertFalse(check.consistent());
        assertEquals(3, check.badLogseq());
        assertEquals(2, check.lastGoodLogseq());
        assertTrue(check.reason().contains("chain breaks at logseq 3"), check.reason());
    }

    @Test
    void deletedEventIsDetected() {
        List<String> original = AuditLogs.chain(LENGTH);
        List<String> log = new ArrayList<>(original);
        log.remove(4); // logseq 5
        LogAudit audit = audit(log, checkpoint(original, 4));
        assertEquals(5, audit.result().firstBreak().logseq());
        assertTrue(audit.checkAgainst(checkpoint(original, 4)).consistent());
        LogAudit.Check check = audit.checkAgainst(checkpoint(original, LENGTH));
        assertFalse(check.consistent());
        assertEquals(5, check.badLogseq());
    }

    @Test
    void reorderedEventsAreDetected() {
        List<String> original = AuditLogs.chain(LENGTH);
        List<String> log = new ArrayList<>(original);
        log.set(5, original.get(6));
        log.set(6, original.get(5));
        LogAudit audit = audit(log);
        assertEquals(6, audit.result().firstBreak().logseq());
        assertEquals(5, audit.result().headLogseq());
        LogAudit.Check check = audit.checkAgainst(checkpoint(original, LENGTH));
        assertFalse(check.consistent());
        assertEquals(6, check.badLogseq());
        assertEquals(5, check.lastGoodLogseq());
    }

    @Test
    void truncatedTailIsCaughtOnlyByTheCheckpoint() {
        List<String> original = AuditLogs.chain(LENGTH);
        Checkpoint saved = checkpoint(original, LENGTH);
        List<String> log = original.subList(0, 7);
        LogAudit audit = audit(log, saved);
        assertTrue(audit.result().intact(), "a truncated log is still a valid chain");
        LogAudit.Check check = audit.checkAgainst(saved);
        assertFalse(check.consistent());
        assertEquals(8, check.badLogseq());
        assertEquals(7, check.lastGoodLogseq());
        assertTrue(check.reason().contains("events 8..10 are missing"), check.reason());
    }

    @Test
    void consistentForgeryIsCaughtOnlyByACheckpointSavedEarlier() {
        List<String> original = AuditLogs.chain(LENGTH);
        Checkpoint early = checkpoint(original, 2);
        Checkpoint saved = checkpoint(original, 6);
        // the operator edits logseq 4 and re-seals every event from there on: a valid chain and tree
        List<String> forged = AuditLogs.forged(LENGTH, 4);
        Checkpoint forgedHead = checkpoint(forged, LENGTH);

        LogAudit audit = audit(forged, early, saved);
        assertTrue(audit.result().intact(), "the chain alone cannot see a consistent forgery");
        assertTrue(audit.checkAgainst(forgedHead).consistent(), "nor can the forger's own new checkpoint");
        assertTrue(audit.checkAgainst(early).consistent(), "the prefix before the edit is untouched");

        LogAudit.Check check = audit.checkAgainst(saved);
        assertFalse(check.consistent());
        assertEquals(6, check.badLogseq());
        assertEquals(2, check.lastGoodLogseq());
        assertTrue(check.reason().contains("has hash " + AuditLogs.hashes(forged).get(5)), check.reason());
        assertTrue(check.reason().contains("somewhere in 3..6"), check.reason());
        assertEquals(List.of(true, false), audit.checkWatched().stream().map(LogAudit.Check::consistent).toList());
    }

    @Test
    void unwatchedCheckpointsNeedAConsistencyProof() {
        List<String> original = AuditLogs.chain(LENGTH);
        List<byte[]> leaves = AuditLogs.leafHashes(original);
        Checkpoint saved = checkpoint(original, 6);
        LogAudit audit = audit(original);
        assertThrows(IllegalStateException.class, () -> audit.checkAgainst(saved));

        // the service supplies PROOF(6, D[10]); the new root is the one recomputed from the events
        List<byte[]> proof = MerkleLog.consistencyProof(leaves, 6, LENGTH);
        assertTrue(audit.checkAgainst(saved, proof).consistent());

        // against a consistent forgery of logseq 4.., no proof from the saved root can exist
        List<String> forged = AuditLogs.forged(LENGTH, 4);
        LogAudit forgedAudit = audit(forged);
        List<byte[]> forgedProof = MerkleLog.consistencyProof(AuditLogs.leafHashes(forged), 6, LENGTH);
        LogAudit.Check check = forgedAudit.checkAgainst(saved, forgedProof);
        assertFalse(check.consistent());
        assertEquals(6, check.badLogseq());
        assertFalse(forgedAudit.checkAgainst(saved, proof).consistent());
    }

    @Test
    void checkpointsMustBeWatchedBeforeStreamingPassesThem() {
        List<String> log = AuditLogs.chain(LENGTH);
        LogAudit audit = new LogAudit();
        log.subList(0, 5).forEach(audit::accept);
        assertThrows(IllegalStateException.class, () -> audit.watch(checkpoint(log, 3)));
        audit.watch(checkpoint(log, 5)); // at the current head: fine
        audit.watch(checkpoint(log, 8));
        log.subList(5, LENGTH).forEach(audit::accept);
        assertTrue(audit.checkWatched().stream().allMatch(LogAudit.Check::consistent));
        Checkpoint malformed = new Checkpoint("s", 3, "a".repeat(64), 4, "b".repeat(64), "2026-11-22T12:00:00Z", "k", "Ed25519", null);
        assertThrows(IllegalArgumentException.class, () -> audit.watch(malformed));
        assertThrows(IllegalArgumentException.class, () -> audit.checkAgainst(malformed));
    }

    @Test
    void auditTreeGivesProofsForTheVerifiedLog() {
        List<String> log = AuditLogs.chain(LENGTH);
        LogAudit audit = audit(log);
        MerkleLog tree = audit.tree();
        assertEquals(LENGTH, tree.size());
        List<byte[]> leaves = AuditLogs.leafHashes(log);
        assertTrue(MerkleLog.verifyInclusion(leaves.get(3), 3, LENGTH, MerkleLog.inclusionProof(leaves, 3, LENGTH), tree.root()));
    }

    /** An event as the audit API serves it to a reader who may not see its content. */
    private static String redact(String eventJson) {
        com.fasterxml.jackson.databind.node.ObjectNode event =
                (com.fasterxml.jackson.databind.node.ObjectNode) org.mlaexchange.contracts.events.EventJson.tree(eventJson);
        event.set("data", event.objectNode().put("person", "[protected person]"));
        event.put(org.mlaexchange.contracts.events.ChainVerifier.REDACTED, "protected-person");
        return event.toString();
    }

    @Test
    void redactedEventsAreCheckedByTheirPlaceInTheChainAndTheSignedRoot() {
        List<String> log = new ArrayList<>(AuditLogs.chain(LENGTH));
        Checkpoint head = checkpoint(log, LENGTH);
        log.set(4, redact(log.get(4)));
        LogAudit audit = audit(log, head);
        assertTrue(audit.result().intact());
        assertEquals(1, audit.result().redacted());
        assertTrue(audit.checkAgainst(head).consistent(), "the redacted event's hash is still bound by the signed Merkle root");

        // a redacted event whose hash was swapped breaks the link to the next event
        List<String> swapped = new ArrayList<>(AuditLogs.chain(LENGTH));
        String fake = redact(swapped.get(4)).replace(AuditLogs.hashes(swapped).get(4), "ab".repeat(32));
        swapped.set(4, fake);
        LogAudit broken = audit(swapped);
        assertFalse(broken.result().intact());
        assertEquals(6, broken.result().firstBreak().logseq());
    }
}
