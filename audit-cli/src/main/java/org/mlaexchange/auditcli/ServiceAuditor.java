package org.mlaexchange.auditcli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlaexchange.contracts.audit.Checkpoint;
import org.mlaexchange.contracts.audit.CheckpointVerifier;
import org.mlaexchange.contracts.audit.LogAudit;
import org.mlaexchange.contracts.events.ChainVerifier;

/**
 * Audits one service's log in one streaming pass: the hash chain, the Merkle tree, the signatures of
 * the checkpoints the service serves, and the log's consistency with what the auditor witnessed on
 * earlier runs (checkpoints and event hashes). Every break is a {@link Finding} at a logseq; the
 * first one is where the log stops being what was recorded.
 */
final class ServiceAuditor {

    /**
     * A break, at {@code logseq} exactly when {@code lastLogseq == logseq}; a checkpoint contradicted
     * without finer evidence only says the first altered event is somewhere in {@code logseq..lastLogseq}.
     */
    record Finding(String kind, long logseq, long lastLogseq, String eventId, String detail) {

        Finding(String kind, long logseq, String eventId, String detail) {
            this(kind, logseq, logseq, eventId, detail);
        }

        boolean exact() {
            return logseq == lastLogseq;
        }

        String position() {
            return exact() ? "logseq " + logseq : "somewhere in logseq " + logseq + ".." + lastLogseq;
        }
    }

    record Report(String service, String source, long events, long redacted, long duplicatesSkipped, long headLogseq,
                  String headHash, String merkleRoot, int checkpointsVerified, int witnessedCheckpoints, long witnessedEvents,
                  Checkpoint newestCheckpoint, List<Finding> findings, List<String> notes, double seconds, double eventsPerSecond) {

        boolean intact() {
            return findings.isEmpty();
        }

        /** The earliest exact break if there is one (it is where the log stops being what was recorded), else the earliest range. */
        Optional<Finding> firstBad() {
            Optional<Finding> exact = findings.stream().filter(Finding::exact).min(Comparator.comparingLong(Finding::logseq));
            return exact.isPresent() ? exact : findings.stream().min(Comparator.comparingLong(Finding::logseq));
        }
    }

    private final String service;
    private final Witness witness;
    private final boolean save;
    private final java.util.function.Consumer<String> replayed;

    ServiceAuditor(String service, Witness witness, boolean save) {
        this(service, witness, save, json -> { });
    }

    /** @param replayed sees every replayed event in log order (statistics fold them; they count only if the log verifies) */
    ServiceAuditor(String service, Witness witness, boolean save, java.util.function.Consumer<String> replayed) {
        this.service = service;
        this.witness = witness;
        this.save = save;
        this.replayed = replayed;
    }

    /**
     * @param served     checkpoints the service (or its checkpoints topic) offers
     * @param servedKeys signing keys the service publishes, key id to PEM (may be empty)
     */
    Report audit(String source, Iterator<String> events, List<Checkpoint> served, Map<String, String> servedKeys,
                 Progress progress, java.util.function.LongSupplier duplicatesSkipped) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> pinned = witness == null ? Map.of() : witness.keys();
        Map<String, CheckpointVerifier> verifiers = new LinkedHashMap<>();
        Map<String, String> newKeys = new LinkedHashMap<>();
        pinned.forEach((id, pem) -> verifiers.put(id, CheckpointVerifier.fromEncoded(pem)));
        servedKeys.forEach((id, pem) -> {
            CheckpointVerifier verifier = CheckpointVerifier.fromEncoded(pem);
            if (!verifier.keyId().equals(id)) {
                findings.add(new Finding("signing-key", 0, null, "the service publishes a key under id " + id
                        + " but that key's id is " + verifier.keyId()));
            } else if (!verifiers.containsKey(id)) {
                verifiers.put(id, verifier);
                newKeys.put(id, pem);
            }
        });
        if (!newKeys.isEmpty()) {
            notes.add((pinned.isEmpty() ? "signing keys seen for the first time (pinned when the log verifies): "
                    : "signing keys not pinned before (the service changed its key?): ") + String.join(", ", newKeys.keySet()));
        }

        LogAudit audit = new LogAudit();
        List<Checkpoint> saved = witness == null ? List.of() : witness.checkpoints();
        List<Checkpoint> valid = new ArrayList<>();
        for (Checkpoint c : served) {
            Optional<String> problem = !service.equals(c.service())
                    ? Optional.of("it is a checkpoint of " + c.service())
                    : verifiers.containsKey(c.keyId()) ? verifiers.get(c.keyId()).problem(c)
                    : Optional.of("it is signed by key " + c.keyId() + ", which the service does not publish and was not pinned");
            if (problem.isPresent()) {
                findings.add(new Finding("checkpoint-signature", c.logseq(), null,
                        "the checkpoint of logseq " + c.logseq() + " does not verify: " + problem.get()));
            } else {
                valid.add(c);
                audit.watch(c);
            }
        }
        saved.forEach(audit::watch);

        long witnessed = witness == null ? 0 : witness.hashCount();
        Path newHashes = save && witness != null ? witness.newHashesFile() : null;
        long verified = 0;
        boolean witnessBroken = false;
        try (BufferedReader savedHashes = witness == null ? new BufferedReader(new java.io.StringReader("")) : witness.hashes();
             BufferedWriter hashesOut = newHashes == null ? null : Files.newBufferedWriter(newHashes, StandardCharsets.US_ASCII)) {
            while (events.hasNext()) {
                String json = events.next();
                progress.tick();
                replayed.accept(json);
                if (!audit.accept(json)) {
                    continue;
                }
                verified++;
                String hash = audit.lastVerifiedHash();
                if (verified <= witnessed) {
                    String before = savedHashes.readLine();
                    if (!witnessBroken && !hash.equals(before)) {
                        witnessBroken = true;
                        findings.add(new Finding("witness", verified, eventIdOf(json), "the event at logseq " + verified
                                + " has hash " + hash + " but this auditor verified " + before
                                + " there on an earlier run: the log was rewritten from this event on"));
                    }
                } else if (hashesOut != null) {
                    hashesOut.write(hash);
                    hashesOut.write('\n');
                }
            }
        }
        LogAudit.Result result = audit.result();
        if (!result.intact()) {
            ChainVerifier.Break b = result.firstBreak();
            findings.add(new Finding("chain", b.logseq(), b.eventId(), b.reason()));
        } else if (witnessed > result.headLogseq() && !witnessBroken) {
            findings.add(new Finding("witness", result.headLogseq() + 1, null, "the log ends at logseq " + result.headLogseq()
                    + " but this auditor verified it up to logseq " + witnessed + " on an earlier run: events "
                    + (result.headLogseq() + 1) + ".." + witnessed + " are missing (truncated)"));
        }
        for (LogAudit.Check check : audit.checkWatched()) {
            if (!check.consistent() && (result.intact() || check.checkpoint().treeSize() <= result.treeSize())) {
                // (a checkpoint beyond a chain break says nothing the break does not)
                boolean own = saved.contains(check.checkpoint());
                boolean rewritten = check.badLogseq() == check.checkpoint().treeSize();
                long first = rewritten ? check.lastGoodLogseq() + 1 : check.badLogseq();
                findings.add(new Finding(own ? "witnessed-checkpoint" : "checkpoint", first, check.badLogseq(), null,
                        (own ? "a checkpoint this auditor saved earlier" : "the service's own checkpoint") + " of logseq "
                                + check.checkpoint().logseq() + " (signed " + check.checkpoint().time() + "): " + check.reason()));
            }
        }
        findings.sort(Comparator.comparingLong(Finding::logseq));
        Checkpoint newest = valid.stream().max(Comparator.comparingLong(Checkpoint::treeSize)).orElse(null);
        if (newest == null) {
            notes.add("no signed checkpoint was offered: the log is checked by its chain and the witness only");
        }
        if (result.redacted() > 0) {
            notes.add(result.redacted() + " events had content withheld from this auditor: checked by their place in the chain"
                    + (newest == null ? "" : " and the signed Merkle root"));
        }
        if (newHashes != null) {
            if (findings.isEmpty()) {
                witness.save(Witness.newerThan(valid, saved), newKeys, newHashes);
                notes.add("witness saved in " + witness.folder());
            } else {
                Files.deleteIfExists(newHashes);
            }
        }
        return new Report(service, source, result.count(), result.redacted(), duplicatesSkipped.getAsLong(), result.headLogseq(),
                result.headHash(), result.merkleRoot(), valid.size(), saved.size(), Math.min(witnessed, result.headLogseq()),
                newest, findings, notes, progress.seconds(), progress.rate());
    }

    /** The top-level event id (canonical JSON: the last {@code "id"} member). */
    static String eventIdOf(String json) {
        int at = org.mlaexchange.contracts.events.EventJson.lastMember(json, "\"id\":\"");
        return at < 0 || at + 6 + 36 > json.length() ? null : json.substring(at + 6, at + 6 + 36);
    }
}
