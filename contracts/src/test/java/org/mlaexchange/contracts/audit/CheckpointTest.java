package org.mlaexchange.contracts.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.mlaexchange.contracts.PlainContracts;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;

class CheckpointTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant TIME = Instant.parse("2026-11-22T10:15:30Z");

    /** RFC 8032 §7.1 test 1 key, wrapped as PKCS#8 and X.509 DER. */
    private static final String RFC8032_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String X509_PREFIX = "302a300506032b6570032100";

    private static String rfc8032PrivateBase64() {
        return Base64.getEncoder().encodeToString(HEX.parseHex(PKCS8_PREFIX + RFC8032_SEED));
    }

    private static String rfc8032PublicBase64() {
        return Base64.getEncoder().encodeToString(HEX.parseHex(X509_PREFIX + RFC8032_PUBLIC));
    }

    private static Checkpoint sample(CheckpointSigner signer) {
        return signer.sign(AuditLogs.SERVICE, 5, "a".repeat(64), 5, "b".repeat(64), TIME);
    }

    @Test
    void signedCheckpointVerifies() {
        CheckpointSigner signer = CheckpointSigner.generate();
        Checkpoint checkpoint = sample(signer);
        CheckpointVerifier verifier = new CheckpointVerifier(signer.publicKey());
        assertTrue(verifier.verify(checkpoint), () -> verifier.problem(checkpoint).orElse(""));
        assertEquals("2026-11-22T10:15:30Z", checkpoint.time());
        assertEquals(CheckpointKeys.ALGORITHM, checkpoint.algorithm());
        assertEquals(signer.keyId(), checkpoint.keyId());
        assertEquals(64, Base64.getDecoder().decode(checkpoint.signature()).length);
        // as stored and published: canonical JSON that reads back to the same, still valid, checkpoint
        Checkpoint reread = Checkpoint.fromJson(checkpoint.toJson());
        assertEquals(checkpoint, reread);
        assertTrue(verifier.verify(reread));
        assertEquals(checkpoint.toJson(), EventJson.canonical(EventJson.tree(checkpoint.toJson())));
    }

    @Test
    void signingInputIsTheCanonicalJsonWithoutTheSignature() {
        Checkpoint checkpoint = new Checkpoint("evidence-service", 2, "c".repeat(64), 2, "d".repeat(64),
                "2026-11-22T10:15:30.123Z", "0123456789abcdef", "Ed25519", "c2ln");
        assertEquals("{\"algorithm\":\"Ed25519\",\"headHash\":\"" + "c".repeat(64) + "\",\"keyId\":\"0123456789abcdef\","
                + "\"logseq\":2,\"merkleRoot\":\"" + "d".repeat(64) + "\",\"service\":\"evidence-service\","
                + "\"time\":\"2026-11-22T10:15:30.123Z\",\"treeSize\":2}", checkpoint.signingInput());
        assertEquals(checkpoint.signingInput(), checkpoint.withSignature(null).signingInput());
        assertTrue(checkpoint.toJson().endsWith(",\"signature\":\"c2ln\",\"time\":\"2026-11-22T10:15:30.123Z\",\"treeSize\":2}"));
        PlainContracts.assertPlain(Checkpoint.class);
    }

    @Test
    void signatureIsStandardEd25519OverTheSigningInput() {
        CheckpointSigner signer = CheckpointSigner.fromEncoded(rfc8032PrivateBase64(), rfc8032PublicBase64());
        // the JDK key is the RFC 8032 key: its test 1 signature of the empty message comes out
        assertEquals("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
                HEX.formatHex(signEmpty(rfc8032PrivateBase64())));
        Checkpoint checkpoint = sample(signer);
        // anyone with the public key and any Ed25519 library can check it: plain verify of the UTF-8 input
        assertTrue(rawVerify(signer.publicKey(), checkpoint.signingInput(), checkpoint.signature()));
        // Ed25519 is deterministic: the same checkpoint always gets the same signature
        assertEquals(checkpoint, sample(signer));
    }

    private static byte[] signEmpty(String privateKey) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(CheckpointKeys.privateKey(privateKey));
            return signature.sign();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean rawVerify(PublicKey key, String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anyChangedFieldFails() {
        CheckpointSigner signer = CheckpointSigner.generate();
        Checkpoint good = sample(signer);
        CheckpointVerifier verifier = new CheckpointVerifier(signer.publicKey());
        Map<String, UnaryOperator<Checkpoint>> changes = Map.of(
                "service", c -> new Checkpoint("evidence-service", c.logseq(), c.headHash(), c.treeSize(), c.merkleRoot(), c.time(), c.keyId(), c.algorithm(), c.signature()),
                "logseq and treeSize", c -> new Checkpoint(c.service(), 6, c.headHash(), 6, c.merkleRoot(), c.time(), c.keyId(), c.algorithm(), c.signature()),
                "treeSize", c -> new Checkpoint(c.service(), c.logseq(), c.headHash(), 4, c.merkleRoot(), c.time(), c.keyId(), c.algorithm(), c.signature()),
                "headHash", c -> new Checkpoint(c.service(), c.logseq(), "e".repeat(64), c.treeSize(), c.merkleRoot(), c.time(), c.keyId(), c.algorithm(), c.signature()),
                "merkleRoot", c -> new Checkpoint(c.service(), c.logseq(), c.headHash(), c.treeSize(), "f".repeat(64), c.time(), c.keyId(), c.algorithm(), c.signature()),
                "time", c -> new Checkpoint(c.service(), c.logseq(), c.headHash(), c.treeSize(), c.merkleRoot(), "2026-11-22T10:15:31Z", c.keyId(), c.algorithm(), c.signature()),
                "keyId", c -> new Checkpoint(c.service(), c.logseq(), c.headHash(), c.treeSize(), c.merkleRoot(), c.time(), "0000000000000000", c.algorithm(), c.signature()),
                "algorithm", c -> new Checkpoint(c.service(), c.logseq(), c.headHash(), c.treeSize(), c.merkleRoot(), c.time(), c.keyId(), "ES256", c.signature()),
                "signature", c -> c.withSignature(flipFirstByte(c.signature())),
                "no signature", c -> c.withSignature(null));
        changes.forEach((field, change) -> assertFalse(verifier.verify(change.apply(good)), field + " changed but still verifies"));
        assertFalse(verifier.verify(good.withSignature("not base64!")));
        assertFalse(verifier.verify(good.withSignature(Base64.getEncoder().encodeToString(new byte[10]))));
    }

    private static String flipFirstByte(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[0] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void wrongKeyFails() {
        Checkpoint checkpoint = sample(CheckpointSigner.generate());
        CheckpointSigner other = CheckpointSigner.generate();
        CheckpointVerifier verifier = new CheckpointVerifier(other.publicKey());
        assertFalse(verifier.verify(checkpoint));
        assertTrue(verifier.problem(checkpoint).orElseThrow().contains("signed with key " + checkpoint.keyId()));
        // even with the other key's id written in, the signature does not verify
        Checkpoint relabelled = new Checkpoint(checkpoint.service(), checkpoint.logseq(), checkpoint.headHash(), checkpoint.treeSize(),
                checkpoint.merkleRoot(), checkpoint.time(), other.keyId(), checkpoint.algorithm(), checkpoint.signature());
        assertEquals("signature does not verify with key " + other.keyId(), verifier.problem(relabelled).orElseThrow());
    }

    @Test
    void keysLoadFromPemAndBase64AndKeyIdIsTheX509Digest() throws Exception {
        KeyPair pair = CheckpointKeys.generate();
        String privatePem = CheckpointKeys.toPem(pair.getPrivate());
        String publicPem = CheckpointKeys.toPem(pair.getPublic());
        assertTrue(privatePem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertArrayEquals(pair.getPrivate().getEncoded(), CheckpointKeys.privateKey(privatePem).getEncoded());
        assertArrayEquals(pair.getPublic().getEncoded(), CheckpointKeys.publicKey(publicPem).getEncoded());
        String publicBase64 = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertArrayEquals(pair.getPublic().getEncoded(), CheckpointKeys.publicKey(publicBase64).getEncoded());

        CheckpointSigner fromPem = CheckpointSigner.fromEncoded(privatePem, publicPem);
        Checkpoint checkpoint = sample(fromPem);
        assertTrue(CheckpointVerifier.fromEncoded(publicBase64).verify(checkpoint));

        String expectedKeyId = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded())).substring(0, 16);
        assertEquals(expectedKeyId, fromPem.keyId());
        assertEquals(expectedKeyId, CheckpointKeys.keyId(pair.getPublic()));
        // RFC 8032 test key: the key id is a fixed function of its X.509 bytes
        String rfcKeyId = HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(X509_PREFIX + RFC8032_PUBLIC))).substring(0, 16);
        assertEquals(rfcKeyId, CheckpointVerifier.fromEncoded(rfc8032PublicBase64()).keyId());
    }

    @Test
    void mismatchedOrMalformedKeysAreRefused() {
        KeyPair one = CheckpointKeys.generate();
        KeyPair two = CheckpointKeys.generate();
        assertThrows(IllegalArgumentException.class, () -> new CheckpointSigner(new KeyPair(two.getPublic(), one.getPrivate())));
        assertThrows(IllegalArgumentException.class, () -> CheckpointKeys.publicKey("not a key"));
        assertThrows(IllegalArgumentException.class, () -> CheckpointKeys.privateKey(CheckpointKeys.toPem(one.getPublic())));
        assertThrows(IllegalArgumentException.class, () -> CheckpointKeys.publicKey(Base64.getEncoder().encodeToString(new byte[44])));
    }

    @Test
    void malformedCheckpointsAreNotSigned() {
        CheckpointSigner signer = CheckpointSigner.generate();
        assertThrows(IllegalArgumentException.class, () -> signer.sign("s", 5, "a".repeat(64), 4, "b".repeat(64), TIME));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("s", 5, "A".repeat(64), 5, "b".repeat(64), TIME));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("s", 5, "a".repeat(64), 5, "b".repeat(63), TIME));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(" ", 5, "a".repeat(64), 5, "b".repeat(64), TIME));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.fromJson("{\"service\":\"s\",\"logseq\":\"5\"}"));
        assertThrows(NullPointerException.class, () -> new Checkpoint(null, 0, "", 0, "", "", "", "", null));
    }

    @Test
    void checkpointOverARealChainMatchesItsHeadAndMerkleRoot() {
        List<String> log = AuditLogs.chain(13);
        List<String> hashes = AuditLogs.hashes(log);
        MerkleLog tree = new MerkleLog();
        hashes.forEach(tree::appendEventHash);
        CheckpointSigner signer = CheckpointSigner.generate();
        Checkpoint checkpoint = signer.sign(AuditLogs.SERVICE, 13, hashes.get(12), tree.size(), tree.rootHex(), TIME);
        assertTrue(new CheckpointVerifier(signer.publicKey()).verify(checkpoint));

        // the head is the last event's hash, recomputable from its published JSON alone
        assertEquals(HashChain.hashOf(EventJson.tree(log.get(12))), checkpoint.headHash());
        // the root is the RFC 9162 root of the events' hashes
        List<byte[]> leaves = AuditLogs.leafHashes(log);
        assertEquals(checkpoint.merkleRoot(), HEX.formatHex(MerkleLog.rootOf(leaves, 13)));
        // and every event is provably in the signed tree
        byte[] root = HEX.parseHex(checkpoint.merkleRoot());
        for (int i = 0; i < 13; i++) {
            assertTrue(MerkleLog.verifyInclusion(MerkleLog.leafHashOfEvent(hashes.get(i)), i, checkpoint.treeSize(),
                    MerkleLog.inclusionProof(leaves, i, 13), root));
        }
        // the streaming audit arrives at the same head and root
        LogAudit.Result result = LogAudit.of(log, List.of()).result();
        assertEquals(checkpoint.headHash(), result.headHash());
        assertEquals(checkpoint.logseq(), result.headLogseq());
        assertEquals(checkpoint.merkleRoot(), result.merkleRoot());
    }
}
