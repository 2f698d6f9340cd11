package org.mlaexchange.contracts.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.HashChain;

/**
 * Audits one service's log in a single streaming pass: every event (its canonical JSON, in logseq
 * order, from logseq 1) goes through the {@link ChainVerifier} and, if it is good, into the
 * {@link MerkleLog}. Memory stays O(log n) plus one snapshot per watched checkpoint.
 *
 * <p>The chain alone cannot catch a log rewritten from some point on with valid hashes (a
 * "consistent forgery"); checkpoints held outside the service can. Give the audit the checkpoints
 * saved from earlier runs with {@link #watch} <em>before</em> streaming: when the log reaches each
 * one's position the audit keeps the hash and Merkle root there (a frontier snapshot), and
 * {@link #checkAgainst} compares them afterwards. A checkpoint at the final head needs no watching,
 * and one that was not watched can be checked with an RFC 9162 consistency proof instead.
 *
 * <p>The Merkle tree covers the verified prefix only: after the first chain break, later events are
 * counted but not added. Signatures are not checked here; verify checkpoints with
 * {@link CheckpointVerifier} first. Not thread-safe.
 */
public final class LogAudit {

    private final ChainVerifier chain = new ChainVerifier();
    private final MerkleLog tree = new MerkleLog();
    private final List<Checkpoint> watched = new ArrayList<>();
    private final Set<Long> watchedSizes = new HashSet<>();
    /** Tree size -> hash of the event at that logseq and the Merkle root of the first treeSize events. */
    private final Map<Long, Head> snapshots = new HashMap<>();

    public LogAudit() {
        snapshots.put(0L, new Head(HashChain.GENESIS, HexFormat.of().formatHex(MerkleLog.emptyRoot())));
    }

    /** Audits a whole log. */
    public static LogAudit of(Iterable<String> events, Iterable<Checkpoint> checkpoints) {
        LogAudit audit = new LogAudit();
        checkpoints.forEach(audit::watch);
        events.forEach(audit::accept);
        return audit;
    }

    /**
     * Remembers the log's head at this checkpoint's position as the log streams past it. Call before
     * streaming reaches {@code treeSize}.
     *
     * @throws IllegalArgumentException if the checkpoint is malformed
     * @throws IllegalStateException if the audit has already passed its position without watching it
     */
    public LogAudit watch(Checkpoint checkpoint) {
        requireWellFormed(checkpoint);
        long size = checkpoint.treeSize();
        if (size < tree.size() && !snapshots.containsKey(size)) {
            throw new IllegalStateException("the audit is already past tree size " + size + "; watch checkpoints before streaming");
        }
        watched.add(checkpoint);
        watchedSizes.add(size);
        if (size == tree.size()) {
            snapshots.put(size, head());
        }
        return this;
    }

    /** The next event as stored or published (canonical JSON); false once the chain is broken. */
    public boolean accept(String eventJson) {
        if (!chain.accept(eventJson)) {
            return false;
        }
        tree.appendEventHashBytes(chain.headHashBytes());
        if (!watchedSizes.isEmpty() && watchedSizes.contains(tree.size())) {
            snapshots.put(tree.size(), head());
        }
        return true;
    }

    /** Hash of the last event verified good (cheap, unlike {@link #result()}, which computes the Merkle root). */
    public String lastVerifiedHash() {
        return chain.result().headHash();
    }

    /** Head, count, Merkle root and first break of what has been streamed so far. */
    public Result result() {
        ChainVerifier.Result r = chain.result();
        return new Result(r.count(), r.headLogseq(), r.headHash(), tree.size(), tree.rootHex(), r.firstBreak(), r.redacted());
    }

    /** The Merkle tree of the verified prefix, e.g. to generate proofs or sign a checkpoint. */
    public MerkleLog tree() {
        return tree.copy();
    }

    /** Checks every watched checkpoint, in the order watched. */
    public List<Check> checkWatched() {
        return watched.stream().map(this::checkAgainst).toList();
    }

    /**
     * Is the log just verified consistent with this checkpoint: the event at its {@code logseq} has
     * its {@code headHash}, and the first {@code treeSize} events have its {@code merkleRoot}?
     *
     * @throws IllegalStateException if the checkpoint is inside the log but was not watched
     */
    public Check checkAgainst(Checkpoint checkpoint) {
        return checkAgainst(checkpoint, null);
    }

    /**
     * As {@link #checkAgainst(Checkpoint)}, but for a checkpoint that was not watched, proves its
     * Merkle root to be the root of the log's first {@code treeSize} events with an RFC 9162 §2.1.4
     * consistency proof from its tree to the tree of the whole verified log. The proof can come from
     * the untrusted service: the new root is recomputed here from the events themselves.
     */
    public Check checkAgainst(Checkpoint checkpoint, List<byte[]> consistencyProof) {
        requireWellFormed(checkpoint);
        long m = checkpoint.treeSize();
        Result result = result();
        if (m > result.treeSize()) {
            if (!result.intact()) {
                ChainVerifier.Break b = result.firstBreak();
                return fail(checkpoint, b.logseq(), b.logseq() - 1, "the chain breaks at logseq " + b.logseq()
                        + " before the checkpoint's logseq " + m + ": " + b.reason());
            }
            return fail(checkpoint, result.headLogseq() + 1, result.headLogseq(), "the log ends at logseq "
                    + result.headLogseq() + " but the checkpoint signed logseq " + m + ": events "
                    + (result.headLogseq() + 1) + ".." + m + " are missing (truncated)");
        }
        Head head = m == tree.size() ? head() : snapshots.get(m);
        if (head == null) {
            if (consistencyProof == null) {
                throw new IllegalStateException("checkpoint at logseq " + m + " was not watched while streaming;"
                        + " watch it first or pass a consistency proof");
            }
            HexFormat hex = HexFormat.of();
            if (MerkleLog.verifyConsistency(m, tree.size(), hex.parseHex(checkpoint.merkleRoot()), tree.root(), consistencyProof)) {
                return new Check(checkpoint, true, 0, m, "the checkpoint's Merkle root over logseq 1.." + m
                        + " is proven a prefix of the log by a consistency proof to the recomputed root");
            }
            return mismatch(checkpoint, "no valid consistency proof from the checkpoint's Merkle root to the log's");
        }
        if (!head.hash().equals(checkpoint.headHash())) {
            return mismatch(checkpoint, "the event at logseq " + m + " has hash " + head.hash()
                    + " but the checkpoint signed " + checkpoint.headHash());
        }
        if (!head.merkleRoot().equals(checkpoint.merkleRoot())) {
            return mismatch(checkpoint, "the Merkle root of logseq 1.." + m + " is " + head.merkleRoot()
                    + " but the checkpoint signed " + checkpoint.merkleRoot());
        }
        return new Check(checkpoint, true, 0, m, "the log matches the checkpoint at logseq " + m);
    }

    /**
     * The log differs from what the checkpoint signed at or before its logseq; an earlier watched
     * checkpoint that still matches narrows down where.
     */
    private Check mismatch(Checkpoint checkpoint, String what) {
        long m = checkpoint.treeSize();
        long lastGood = 0;
        for (Checkpoint earlier : watched) {
            if (earlier.treeSize() < m && earlier.treeSize() > lastGood && matches(earlier)) {
                lastGood = earlier.treeSize();
            }
        }
        return fail(checkpoint, m, lastGood, what + ": the log was altered at logseq " + m + " or before"
                + (lastGood > 0 ? ", after logseq " + lastGood + " where it still matches an earlier checkpoint" : "")
                + " (altered events: somewhere in " + (lastGood + 1) + ".." + m + ")");
    }

    private boolean matches(Checkpoint checkpoint) {
        Head head = snapshots.get(checkpoint.treeSize());
        return head != null && head.hash().equals(checkpoint.headHash()) && head.merkleRoot().equals(checkpoint.merkleRoot());
    }

    private static Check fail(Checkpoint checkpoint, long badLogseq, long lastGoodLogseq, String reason) {
        return new Check(checkpoint, false, badLogseq, lastGoodLogseq, reason);
    }

    private Head head() {
        return new Head(chain.result().headHash(), tree.rootHex());
    }

    private static void requireWellFormed(Checkpoint checkpoint) {
        CheckpointVerifier.formProblem(checkpoint).ifPresent(problem -> {
            throw new IllegalArgumentException("malformed checkpoint: " + problem);
        });
    }

    private record Head(String hash, String merkleRoot) {
    }

    /**
     * {@code headLogseq}/{@code headHash}: the last event verified good; the Merkle tree covers
     * logseq 1..headLogseq ({@code treeSize == headLogseq}). {@code count} is every event read;
     * {@code redacted} those whose content was withheld (checked by their place in the chain only).
     */
    public record Result(long count, long headLogseq, String headHash, long treeSize, String merkleRoot,
                         ChainVerifier.Break firstBreak, long redacted) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    /**
     * Outcome of checking the log against one checkpoint. When not consistent, the first bad event
     * lies in {@code lastGoodLogseq + 1 .. badLogseq}: exactly {@code badLogseq} for a chain break or
     * a truncated log; for a log rewritten with valid hashes, {@code badLogseq} is the checkpoint's
     * position (its event differs from the one signed) and {@code lastGoodLogseq} the last earlier
     * watched checkpoint that still matches (0 if none). {@code badLogseq} is 0 when consistent.
     */
    public record Check(Checkpoint checkpoint, boolean consistent, long badLogseq, long lastGoodLogseq, String reason) {
    }
}
