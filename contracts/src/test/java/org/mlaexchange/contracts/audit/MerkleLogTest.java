package org.mlaexchange.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleLogTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX = 40;

    /** Leaf inputs of the RFC 6962 / CT reference test vectors. */
    private static final String[] CT_LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};

    /** MTH of the first n CT leaves, n = 0..8. */
    private static final String[] CT_ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    // ---- a naive reference, written from the RFC 9162 §2.1.1 definition, sharing no code ----

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** MTH(D[n]) over leaf inputs, straight from the recursive definition. */
    private static byte[] naiveMth(List<byte[]> inputs) {
        int n = inputs.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[] {0}, inputs.get(0));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return sha256(new byte[] {1}, naiveMth(inputs.subList(0, k)), naiveMth(inputs.subList(k, n)));
    }

    /** Distinct 32-byte leaf inputs, like event hashes. */
    private static List<byte[]> inputs(int n) {
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(sha256(ByteBuffer.allocate(4).putInt(i).array()));
        }
        return inputs;
    }

    private static List<byte[]> leafHashes(List<byte[]> inputs) {
        return inputs.stream().map(MerkleLog::leafHash).toList();
    }

    private static MerkleLog incremental(List<byte[]> inputs) {
        MerkleLog tree = new MerkleLog();
        inputs.forEach(tree::append);
        return tree;
    }

    private static List<byte[]> hexList(String... hex) {
        return Arrays.stream(hex).map(HEX::parseHex).toList();
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    // ---- roots ----

    @Test
    void emptyTreeRootIsSha256OfTheEmptyString() {
        assertEquals(CT_ROOTS[0], new MerkleLog().rootHex());
        assertEquals(0, new MerkleLog().size());
        assertArrayEquals(sha256(), MerkleLog.emptyRoot());
    }

    @Test
    void rootsMatchTheCertificateTransparencyTestVectors() {
        MerkleLog tree = new MerkleLog();
        List<byte[]> leafHashes = new ArrayList<>();
        for (int n = 1; n <= CT_LEAVES.length; n++) {
            byte[] input = HEX.parseHex(CT_LEAVES[n - 1]);
            tree.append(input);
            leafHashes.add(MerkleLog.leafHash(input));
            assertEquals(CT_ROOTS[n], tree.rootHex(), "incremental root of size " + n);
            assertEquals(CT_ROOTS[n], HEX.formatHex(MerkleLog.rootOf(leafHashes, n)), "recursive root of size " + n);
        }
    }

    @Test
    void rootsOfSizes0To8MatchTheNaiveRecursiveMth() {
        List<byte[]> inputs = inputs(8);
        for (int n = 0; n <= 8; n++) {
            byte[] expected = naiveMth(inputs.subList(0, n));
            assertArrayEquals(expected, incremental(inputs.subList(0, n)).root(), "size " + n);
            assertArrayEquals(expected, MerkleLog.rootOf(leafHashes(inputs), n), "size " + n);
        }
    }

    @Test
    void incrementalRootEqualsNaiveRootForRandomSizes() {
        Random random = new Random(9162);
        List<byte[]> inputs = inputs(5000);
        for (int round = 0; round < 25; round++) {
            int n = random.nextInt(inputs.size() + 1);
            assertArrayEquals(naiveMth(inputs.subList(0, n)), incremental(inputs.subList(0, n)).root(), "size " + n);
        }
    }

    @Test
    void frontierStaysLogarithmicWhileStreaming() {
        int n = (1 << 17) + 5;
        List<byte[]> inputs = inputs(n);
        MerkleLog tree = new MerkleLog();
        for (int i = 0; i < n; i++) {
            tree.append(inputs.get(i));
            assertEquals(Long.bitCount(i + 1), tree.frontier().size());
        }
        assertEquals(n, tree.size());
        assertArrayEquals(naiveMth(inputs), tree.root());
    }

    @Test
    void eventHashesAreLeafInputs() {
        String eventHash = "ab".repeat(32);
        MerkleLog tree = new MerkleLog();
        tree.appendEventHash(eventHash);
        assertArrayEquals(sha256(new byte[] {0}, HEX.parseHex(eventHash)), tree.root());
        assertArrayEquals(tree.root(), MerkleLog.leafHashOfEvent(eventHash));
        assertThrows(IllegalArgumentException.class, () -> tree.appendEventHash("abcd"));
    }

    @Test
    void copiesAndResumedTreesAreIndependentAndAgree() {
        List<byte[]> inputs = inputs(77);
        MerkleLog tree = incremental(inputs.subList(0, 50));
        MerkleLog snapshot = tree.copy();
        MerkleLog resumed = MerkleLog.resume(tree.size(), tree.frontier());
        inputs.subList(50, 77).forEach(tree::append);
        inputs.subList(50, 77).forEach(resumed::append);
        assertArrayEquals(naiveMth(inputs.subList(0, 50)), snapshot.root());
        assertEquals(50, snapshot.size());
        assertArrayEquals(naiveMth(inputs), tree.root());
        assertArrayEquals(tree.root(), resumed.root());
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.resume(64, tree.frontier())); // 64 has one subtree, not four
    }

    // ---- inclusion proofs (RFC 9162 §2.1.3) ----

    @Test
    void inclusionProofsMatchTheCertificateTransparencyTestVectors() {
        List<byte[]> leaves = Arrays.stream(CT_LEAVES).map(h -> MerkleLog.leafHash(HEX.parseHex(h))).toList();
        assertInclusionVector(leaves, 0, 1, hexList());
        assertInclusionVector(leaves, 0, 8, hexList("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertInclusionVector(leaves, 5, 8, hexList("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertInclusionVector(leaves, 2, 3, hexList("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
        assertInclusionVector(leaves, 1, 5, hexList("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    private static void assertInclusionVector(List<byte[]> leaves, int index, int size, List<byte[]> expected) {
        List<byte[]> proof = MerkleLog.inclusionProof(leaves, index, size);
        assertEquals(expected.size(), proof.size());
        for (int i = 0; i < proof.size(); i++) {
            assertArrayEquals(expected.get(i), proof.get(i), "element " + i + " of PATH(" + index + ", D[" + size + "])");
        }
        assertTrue(MerkleLog.verifyInclusion(leaves.get(index), index, size, expected, HEX.parseHex(CT_ROOTS[size])));
    }

    @Test
    void everyInclusionProofVerifies() {
        List<byte[]> leaves = leafHashes(inputs(MAX));
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleLog.rootOf(leaves, n);
            int height = 64 - Long.numberOfLeadingZeros(n - 1); // ceil(log2 n)
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = MerkleLog.inclusionProof(leaves, i, n);
                assertTrue(proof.size() <= height, "proof too long");
                assertTrue(MerkleLog.verifyInclusion(leaves.get(i), i, n, proof, root), "leaf " + i + " of " + n);
            }
        }
    }

    @Test
    void tamperedInclusionProofsFail() {
        List<byte[]> leaves = leafHashes(inputs(MAX));
        for (int n = 1; n <= MAX; n++) {
            byte[] root = MerkleLog.rootOf(leaves, n);
            for (int i = 0; i < n; i++) {
                String where = "leaf " + i + " of " + n;
                List<byte[]> proof = MerkleLog.inclusionProof(leaves, i, n);
                byte[] leaf = leaves.get(i);
                for (int e = 0; e < proof.size(); e++) {
                    List<byte[]> bad = new ArrayList<>(proof);
                    bad.set(e, flipped(proof.get(e), e * 37 + i));
                    assertFalse(MerkleLog.verifyInclusion(leaf, i, n, bad, root), where + ", element " + e + " flipped");
                }
                if (!proof.isEmpty()) {
                    assertFalse(MerkleLog.verifyInclusion(leaf, i, n, proof.subList(0, proof.size() - 1), root), where + ", shortened");
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertFalse(MerkleLog.verifyInclusion(leaf, i, n, longer, root), where + ", lengthened");
                assertFalse(MerkleLog.verifyInclusion(flipped(leaf, i), i, n, proof, root), where + ", leaf changed");
                assertFalse(MerkleLog.verifyInclusion(leaf, i, n, proof, flipped(root, n)), where + ", root changed");
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        assertFalse(MerkleLog.verifyInclusion(leaves.get(j), i, n, proof, root), where + ", another leaf " + j);
                        assertFalse(MerkleLog.verifyInclusion(leaf, j, n, proof, root), where + ", claimed at index " + j);
                    }
                }
                assertFalse(MerkleLog.verifyInclusion(leaf, n, n, proof, root), where + ", index = tree size");
                assertFalse(MerkleLog.verifyInclusion(leaf, -1, n, proof, root), where + ", negative index");
                if (n < MAX) {
                    byte[] biggerRoot = MerkleLog.rootOf(leaves, n + 1);
                    assertFalse(MerkleLog.verifyInclusion(leaf, i, n + 1, proof, biggerRoot), where + ", against tree " + (n + 1));
                }
            }
        }
    }

    @Test
    void inclusionRejectsBadInputs() {
        List<byte[]> leaves = leafHashes(inputs(4));
        byte[] root = MerkleLog.rootOf(leaves, 4);
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.inclusionProof(leaves, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.inclusionProof(leaves, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.inclusionProof(leaves, 0, 0));
        List<byte[]> proof = MerkleLog.inclusionProof(leaves, 1, 4);
        assertFalse(MerkleLog.verifyInclusion(leaves.get(1), 1, 4, proof, Arrays.copyOf(root, 31)));
        assertFalse(MerkleLog.verifyInclusion(leaves.get(1), 1, 4, List.of(proof.get(0), new byte[31]), root));
        assertFalse(MerkleLog.verifyInclusion(null, 1, 4, proof, root));
        assertFalse(MerkleLog.verifyInclusion(leaves.get(0), 0, 0, List.of(), MerkleLog.emptyRoot()));
    }

    // ---- consistency proofs (RFC 9162 §2.1.4) ----

    @Test
    void consistencyProofsMatchTheCertificateTransparencyTestVectors() {
        List<byte[]> leaves = Arrays.stream(CT_LEAVES).map(h -> MerkleLog.leafHash(HEX.parseHex(h))).toList();
        assertConsistencyVector(leaves, 1, 1, hexList());
        assertConsistencyVector(leaves, 1, 8, hexList("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertConsistencyVector(leaves, 6, 8, hexList("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertConsistencyVector(leaves, 2, 5, hexList("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
    }

    private static void assertConsistencyVector(List<byte[]> leaves, int m, int n, List<byte[]> expected) {
        List<byte[]> proof = MerkleLog.consistencyProof(leaves, m, n);
        assertEquals(expected.size(), proof.size());
        for (int i = 0; i < proof.size(); i++) {
            assertArrayEquals(expected.get(i), proof.get(i), "element " + i + " of PROOF(" + m + ", D[" + n + "])");
        }
        assertTrue(MerkleLog.verifyConsistency(m, n, HEX.parseHex(CT_ROOTS[m]), HEX.parseHex(CT_ROOTS[n]), expected));
    }

    @Test
    void everyConsistencyProofVerifies() {
        List<byte[]> leaves = leafHashes(inputs(MAX));
        for (int n = 0; n <= MAX; n++) {
            byte[] newRoot = MerkleLog.rootOf(leaves, n);
            for (int m = 0; m <= n; m++) {
                List<byte[]> proof = MerkleLog.consistencyProof(leaves, m, n);
                assertTrue(MerkleLog.verifyConsistency(m, n, MerkleLog.rootOf(leaves, m), newRoot, proof), m + " -> " + n);
            }
        }
    }

    @Test
    void tamperedConsistencyProofsFail() {
        List<byte[]> leaves = leafHashes(inputs(MAX));
        for (int n = 1; n <= MAX; n++) {
            byte[] newRoot = MerkleLog.rootOf(leaves, n);
            for (int m = 1; m <= n; m++) {
                String where = m + " -> " + n;
                byte[] oldRoot = MerkleLog.rootOf(leaves, m);
                List<byte[]> proof = MerkleLog.consistencyProof(leaves, m, n);
                for (int e = 0; e < proof.size(); e++) {
                    List<byte[]> bad = new ArrayList<>(proof);
                    bad.set(e, flipped(proof.get(e), e * 31 + m));
                    assertFalse(MerkleLog.verifyConsistency(m, n, oldRoot, newRoot, bad), where + ", element " + e + " flipped");
                }
                if (!proof.isEmpty()) {
                    assertFalse(MerkleLog.verifyConsistency(m, n, oldRoot, newRoot, proof.subList(0, proof.size() - 1)), where + ", shortened");
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(newRoot);
                assertFalse(MerkleLog.verifyConsistency(m, n, oldRoot, newRoot, longer), where + ", lengthened");
                assertFalse(MerkleLog.verifyConsistency(m, n, flipped(oldRoot, n), newRoot, proof), where + ", old root changed");
                assertFalse(MerkleLog.verifyConsistency(m, n, oldRoot, flipped(newRoot, m), proof), where + ", new root changed");
                if (m < n) {
                    // the old tree with one leaf changed is not a prefix of the new one
                    List<byte[]> forged = new ArrayList<>(leaves.subList(0, m));
                    forged.set(m - 1, flipped(forged.get(m - 1), n));
                    assertFalse(MerkleLog.verifyConsistency(m, n, MerkleLog.rootOf(forged, m), newRoot, proof), where + ", old leaf changed");
                    byte[] otherOld = MerkleLog.rootOf(leaves, m + 1);
                    assertFalse(MerkleLog.verifyConsistency(m + 1, n, otherOld, newRoot, proof), where + ", claimed from " + (m + 1));
                }
                if (m > 1) {
                    assertFalse(MerkleLog.verifyConsistency(m - 1, n, MerkleLog.rootOf(leaves, m - 1), newRoot, proof),
                            where + ", claimed from " + (m - 1));
                }
            }
        }
    }

    @Test
    void consistencyEdgeCases() {
        List<byte[]> leaves = leafHashes(inputs(5));
        byte[] root5 = MerkleLog.rootOf(leaves, 5);
        byte[] root3 = MerkleLog.rootOf(leaves, 3);
        // from the empty tree: empty proof, and the old root must be SHA-256("")
        assertTrue(MerkleLog.verifyConsistency(0, 5, MerkleLog.emptyRoot(), root5, List.of()));
        assertFalse(MerkleLog.verifyConsistency(0, 5, root3, root5, List.of()));
        assertFalse(MerkleLog.verifyConsistency(0, 5, MerkleLog.emptyRoot(), root5, List.of(root3)));
        assertTrue(MerkleLog.verifyConsistency(0, 0, MerkleLog.emptyRoot(), MerkleLog.emptyRoot(), List.of()));
        // equal sizes: equal roots and an empty proof
        assertTrue(MerkleLog.verifyConsistency(5, 5, root5, root5, List.of()));
        assertFalse(MerkleLog.verifyConsistency(5, 5, root5, root3, List.of()));
        assertFalse(MerkleLog.verifyConsistency(5, 5, root5, root5, List.of(root5)));
        // the RFC's step 1: an empty proof between different sizes fails
        assertFalse(MerkleLog.verifyConsistency(3, 5, root3, root5, List.of()));
        // shrinking or negative sizes
        assertFalse(MerkleLog.verifyConsistency(5, 3, root5, root3, MerkleLog.consistencyProof(leaves, 3, 5)));
        assertFalse(MerkleLog.verifyConsistency(-1, 5, root3, root5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.consistencyProof(leaves, 4, 3));
        assertThrows(IllegalArgumentException.class, () -> MerkleLog.consistencyProof(leaves, 1, 6));
    }
}
