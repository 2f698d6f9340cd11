package org.mlaexchange.contracts.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The RFC 9162 (Certificate Transparency v2) Merkle tree over one service's event log, with SHA-256.
 *
 * <p>Leaf {@code i} (0-based) is the event with {@code logseq = i + 1}; its leaf input ("entry") is the
 * 32 bytes of the event's {@code hash} attribute (the hex SHA-256 of its canonical JSON, decoded), so
 * that the tree can be rebuilt from the chain alone:
 * <pre>
 *   leaf hash  = SHA-256(0x00 || eventHashBytes)          RFC 9162 §2.1.1
 *   node hash  = SHA-256(0x01 || left || right)           RFC 9162 §2.1.1
 *   MTH({})    = SHA-256("")                              RFC 9162 §2.1.1
 * </pre>
 *
 * <p>An instance is an append-only accumulator that keeps only the "frontier": the roots of the
 * perfect subtrees that make up the tree, largest (leftmost) first, one per set bit of
 * {@link #size()}. So memory is O(log n) and a verifier can stream millions of events. Instances are
 * not thread-safe. The static methods generate and verify inclusion and consistency proofs
 * (RFC 9162 §2.1.3 and §2.1.4); generation takes the list of leaf hashes.
 */
public final class MerkleLog {

    /** Size in bytes of every hash in the tree. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();

    /** Roots of the perfect subtrees, leftmost (largest) first; frontier.size() == bitCount(size). */
    private final List<byte[]> frontier;
    private final MessageDigest digest = sha256();
    private long size;

    public MerkleLog() {
        this.frontier = new ArrayList<>();
    }

    private MerkleLog(long size, List<byte[]> frontier) {
        this.size = size;
        this.frontier = new ArrayList<>(frontier);
    }

    /**
     * Resumes a tree from a saved {@link #frontier()} (e.g. an auditor continuing from its last run).
     * Only as trustworthy as the saved state: check the resulting {@link #root()} against a checkpoint.
     */
    public static MerkleLog resume(long size, List<byte[]> frontier) {
        if (size < 0 || frontier.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(Math.max(size, 0))
                    + " frontier hashes, not " + frontier.size());
        }
        List<byte[]> copy = new ArrayList<>();
        for (byte[] hash : frontier) {
            copy.add(requireHash(hash).clone());
        }
        return new MerkleLog(size, copy);
    }

    /** Appends an event given by its {@code hash} attribute (64 hex digits). */
    public void appendEventHash(String eventHashHex) {
        byte[] bytes = HexFormat.of().parseHex(eventHashHex);
        if (bytes.length != HASH_SIZE) {
            throw new IllegalArgumentException("an event hash is " + HASH_SIZE + " bytes, not " + bytes.length);
        }
        append(bytes);
    }

    /** Appends an event given by its {@code hash} attribute as 32 bytes. */
    public void appendEventHashBytes(byte[] eventHash) {
        append(requireHash(eventHash));
    }

    /** Appends a leaf by its input (entry) bytes: leaf hash = SHA-256(0x00 || leafInput). */
    public void append(byte[] leafInput) {
        appendLeafHash(hash(digest, LEAF_PREFIX, leafInput, null));
    }

    /** Appends a leaf whose leaf hash is already computed. */
    public void appendLeafHash(byte[] leafHash) {
        byte[] carry = requireHash(leafHash).clone();
        // Like a binary counter: each trailing 1 bit of the old size is a full subtree of the same
        // height as carry, to its left, so the two merge into one node one level up.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            carry = hash(digest, NODE_PREFIX, frontier.remove(frontier.size() - 1), carry);
        }
        frontier.add(carry);
        size++;
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /**
     * MTH of all leaves so far. RFC 9162 §2.1.1 splits at the largest power of two below n, so the
     * leftmost frontier subtree is the left child and the rest is the right child, recursively:
     * the root is the right fold of the frontier.
     */
    public byte[] root() {
        if (frontier.isEmpty()) {
            return EMPTY_ROOT.clone();
        }
        byte[] root = frontier.get(frontier.size() - 1);
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = hash(digest, NODE_PREFIX, frontier.get(i), root);
        }
        return root.clone();
    }

    /** {@link #root()} as lower-case hex. */
    public String rootHex() {
        return HexFormat.of().formatHex(root());
    }

    /** The frontier (roots of the perfect subtrees, leftmost first), e.g. to {@link #resume} later. */
    public List<byte[]> frontier() {
        List<byte[]> copy = new ArrayList<>();
        for (byte[] hash : frontier) {
            copy.add(hash.clone());
        }
        return copy;
    }

    /** An independent snapshot of this tree: appending to either leaves the other unchanged. */
    public MerkleLog copy() {
        return new MerkleLog(size, frontier);
    }

    // ---- hashes (RFC 9162 §2.1.1) ----

    /** SHA-256("") : the root of the empty tree. */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /** SHA-256(0x00 || leafInput). */
    public static byte[] leafHash(byte[] leafInput) {
        return hash(sha256(), LEAF_PREFIX, leafInput, null);
    }

    /** Leaf hash of an event given by its {@code hash} attribute (64 hex digits). */
    public static byte[] leafHashOfEvent(String eventHashHex) {
        return leafHash(HexFormat.of().parseHex(eventHashHex));
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return hash(sha256(), NODE_PREFIX, requireHash(left), requireHash(right));
    }

    /** MTH(D[n]) of the first {@code treeSize} leaf hashes, by the recursive definition of §2.1.1. */
    public static byte[] rootOf(List<byte[]> leafHashes, long treeSize) {
        requireRange(leafHashes, 0, treeSize);
        return mth(sha256(), leafHashes, 0, (int) treeSize);
    }

    // ---- inclusion proofs (RFC 9162 §2.1.3) ----

    /**
     * PATH(m, D[n]) of RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of the first
     * {@code treeSize} of {@code leafHashes}.
     */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, long index, long treeSize) {
        requireRange(leafHashes, 0, treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> proof = new ArrayList<>();
        path(sha256(), leafHashes, (int) index, 0, (int) treeSize, proof);
        return proof;
    }

    private static void path(MessageDigest md, List<byte[]> leaves, int m, int lo, int hi, List<byte[]> out) {
        int n = hi - lo;
        if (n == 1) {
            return; // PATH(0, {d(0)}) = {}
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(md, leaves, m, lo, lo + k, out); // PATH(m, D[0:k]) : MTH(D[k:n])
            out.add(mth(md, leaves, lo + k, hi));
        } else {
            path(md, leaves, m - k, lo + k, hi, out); // PATH(m - k, D[k:n]) : MTH(D[0:k])
            out.add(mth(md, leaves, lo, lo + k));
        }
    }

    /**
     * Verifies an inclusion proof exactly as RFC 9162 §2.1.3.2: {@code leafHash} is leaf
     * {@code index} of the tree of size {@code treeSize} whose root is {@code root}.
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof, byte[] root) {
        if (!isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        // 1. leaf_index must be below tree_size.
        if (index < 0 || index >= treeSize) {
            return false;
        }
        // 2. fn = leaf_index, sn = tree_size - 1.  3. r = hash.
        long fn = index;
        long sn = treeSize - 1;
        MessageDigest md = sha256();
        byte[] r = leafHash;
        // 4. for each p in inclusion_path:
        for (byte[] p : proof) {
            if (sn == 0) {
                return false; // 4a. path longer than the tree is high
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = hash(md, NODE_PREFIX, p, r); // 4b.i: p is a left sibling
                // 4b.ii: if LSB(fn) is not set, skip the levels where this node is the last one and
                // has no right sibling: shift until LSB(fn) is set or fn is 0.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = hash(md, NODE_PREFIX, r, p); // 4b otherwise: p is a right sibling
            }
            fn >>>= 1; // 4c.
            sn >>>= 1;
        }
        // 5. sn must be 0 and r must equal the root.
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    // ---- consistency proofs (RFC 9162 §2.1.4) ----

    /**
     * PROOF(m, D[n]) of RFC 9162 §2.1.4.1 between the tree of the first {@code oldSize} and the first
     * {@code newSize} of {@code leafHashes}. For {@code oldSize == 0} or {@code oldSize == newSize} the
     * proof is empty (the RFC defines proofs for 0 < m < n; see {@link #verifyConsistency}).
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, long oldSize, long newSize) {
        requireRange(leafHashes, 0, newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to size " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0) {
            subproof(sha256(), leafHashes, (int) oldSize, 0, (int) newSize, true, proof);
        }
        return proof;
    }

    /** SUBPROOF(m, D[lo:hi], b) of RFC 9162 §2.1.4.1. */
    private static void subproof(MessageDigest md, List<byte[]> leaves, int m, int lo, int hi, boolean b, List<byte[]> out) {
        int n = hi - lo;
        if (m == n) {
            if (!b) {
                out.add(mth(md, leaves, lo, hi)); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
            }
            return; // SUBPROOF(m, D[m], true) = {}
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(md, leaves, m, lo, lo + k, b, out); // SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
            out.add(mth(md, leaves, lo + k, hi));
        } else {
            subproof(md, leaves, m - k, lo + k, hi, false, out); // SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
            out.add(mth(md, leaves, lo, lo + k));
        }
    }

    /**
     * Verifies that the tree of size {@code oldSize} with root {@code oldRoot} is a prefix of the tree
     * of size {@code newSize} with root {@code newRoot}. For 0 &lt; oldSize &lt; newSize this is exactly
     * RFC 9162 §2.1.4.2. Edge cases outside the RFC's algorithm: from the empty tree the proof must be
     * empty and {@code oldRoot} must be SHA-256(""); between equal sizes the proof must be empty and
     * the roots equal.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot, List<byte[]> proof) {
        if (!isHash(oldRoot) || !isHash(newRoot) || !allHashes(proof) || oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, EMPTY_ROOT)
                    && (newSize > 0 || MessageDigest.isEqual(newRoot, EMPTY_ROOT));
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        // 1. An empty consistency_path fails.
        if (proof.isEmpty()) {
            return false;
        }
        // 2. If first is an exact power of 2, prepend first_hash to the path.
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            path.add(oldRoot);
        }
        path.addAll(proof);
        // 3. fn = first - 1, sn = second - 1.
        long fn = oldSize - 1;
        long sn = newSize - 1;
        // 4. If LSB(fn) is set, right-shift fn and sn equally until LSB(fn) is not set.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. fr = sr = the first value of the path.
        MessageDigest md = sha256();
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. for each subsequent value c:
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false; // 6a.
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = hash(md, NODE_PREFIX, c, fr); // 6b.i
                sr = hash(md, NODE_PREFIX, c, sr);
                while ((fn & 1) == 0 && fn != 0) { // 6b.ii: if LSB(fn) is not set, shift until it is or fn is 0
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = hash(md, NODE_PREFIX, sr, c); // 6b otherwise
            }
            fn >>>= 1; // 6c.
            sn >>>= 1;
        }
        // 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
        return MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot) && sn == 0;
    }

    // ---- helpers ----

    /** MTH(D[lo:hi]) by the recursive definition of RFC 9162 §2.1.1. */
    private static byte[] mth(MessageDigest md, List<byte[]> leaves, int lo, int hi) {
        int n = hi - lo;
        if (n == 0) {
            return EMPTY_ROOT.clone();
        }
        if (n == 1) {
            return requireHash(leaves.get(lo));
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] left = mth(md, leaves, lo, lo + k);
        byte[] right = mth(md, leaves, lo + k, hi);
        return hash(md, NODE_PREFIX, left, right);
    }

    /** The largest power of two smaller than n (n &gt; 1), the split point k of RFC 9162 §2.1.1. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] hash(MessageDigest md, byte prefix, byte[] a, byte[] b) {
        md.reset();
        md.update(prefix);
        md.update(a);
        if (b != null) {
            md.update(b);
        }
        return md.digest();
    }

    private static void requireRange(List<byte[]> leafHashes, long from, long treeSize) {
        if (treeSize < from || treeSize > leafHashes.size()) {
            throw new IllegalArgumentException("tree size " + treeSize + " is not within the " + leafHashes.size() + " leaves given");
        }
    }

    private static byte[] requireHash(byte[] hash) {
        if (!isHash(hash)) {
            throw new IllegalArgumentException("a tree hash is " + HASH_SIZE + " bytes");
        }
        return hash;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        return proof != null && proof.stream().allMatch(MerkleLog::isHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MerkleLog[size=" + size + ", root=" + rootHex() + "]";
    }
}
