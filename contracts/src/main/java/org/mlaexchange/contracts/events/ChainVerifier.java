package org.mlaexchange.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Walks one service log in {@code logseq} order and reports the first broken link: a hash that does
 * not recompute, a {@code prevhash} that is not the previous hash, or a gap or reordering in
 * {@code logseq}. Feed it every event from the start of the log, or from a known trusted head.
 *
 * <p>An event served with a {@value #REDACTED} member had personal data withheld from this reader
 * (a protected person, domain.md §5): its hash cannot be recomputed, so only its place in the chain
 * is checked (logseq, prevhash, and the next event's prevhash naming its hash). Such events are counted
 * in {@link Result#redacted()}; the Merkle root a signed checkpoint covers still binds their hashes.
 */
public final class ChainVerifier {

    private long expectedLogseq;
    private String expectedPrevhash;
    private String head;
    private long count;
    private long redacted;
    private Break firstBreak;

    /** Envelope member the audit API adds to an event whose content was withheld from the reader. */
    public static final String REDACTED = "redacted";

    public ChainVerifier() {
        this(1, HashChain.GENESIS);
    }

    /** Start after a trusted position: {@code logseq} and hash of the last event already verified. */
    public ChainVerifier(long nextLogseq, String prevhash) {
        this.expectedLogseq = nextLogseq;
        this.expectedPrevhash = prevhash;
        this.head = prevhash;
    }

    /** Checks the next event; returns false once the chain is broken (later events are still counted). */
    public boolean accept(String eventJson) {
        count++;
        if (firstBreak != null) {
            return false;
        }
        if (acceptCanonical(eventJson)) {
            return true;
        }
        JsonNode event;
        try {
            event = EventJson.tree(eventJson);
        } catch (IllegalArgumentException e) {
            firstBreak = new Break(expectedLogseq, null, "the stored event is not valid JSON");
            return false;
        }
        long logseq = event.path("logseq").asLong(-1);
        String id = event.path("id").asText(null);
        String recorded = event.path("hash").asText("");
        if (logseq != expectedLogseq) {
            firstBreak = new Break(expectedLogseq, id, "expected logseq " + expectedLogseq + " but found " + logseq + " (missing or reordered event)");
            return false;
        }
        if (!expectedPrevhash.equals(event.path("prevhash").asText(""))) {
            firstBreak = new Break(logseq, id, "prevhash does not match the hash of logseq " + (logseq - 1));
            return false;
        }
        if (event.has(REDACTED)) {
            if (!recorded.matches("[0-9a-f]{64}")) {
                firstBreak = new Break(logseq, id, "the redacted event carries no valid hash");
                return false;
            }
            redacted++;
        } else if (!HashChain.hashOf(event).equals(recorded)) {
            String recomputed = HashChain.hashOf(event);
            firstBreak = new Break(logseq, id, "hash does not match the event's content (recomputed " + recomputed + ")");
            return false;
        }
        expectedLogseq = logseq + 1;
        expectedPrevhash = recorded;
        head = recorded;
        headBytes = null;
        return true;
    }

    /**
     * Fast path for an event in the exact canonical form it was stored in (RFC 8785: members sorted, so
     * the top-level {@code hash}, {@code logseq} and {@code prevhash} follow {@code data} and are the last
     * occurrences of their names): its hash is SHA-256 of the text without the {@code hash} member.
     * Anything else (another form, a redacted or a broken event) falls back to the full check, which
     * also says what is wrong.
     */
    private boolean acceptCanonical(String json) {
        int h = EventJson.lastMember(json, HASH_MEMBER);
        int end = h + HASH_MEMBER.length() + 64;
        if (h < 0 || end + 1 >= json.length() || json.charAt(end) != '"' || json.charAt(end + 1) != ',') {
            return false;
        }
        // logseq and prevhash come after hash (sorted members), so search forward from it
        int l = json.indexOf("\"logseq\":", end);
        int p = json.indexOf("\"prevhash\":\"", end);
        if (l < 0 || p < 0 || p + 12 + 64 >= json.length() || json.charAt(p + 12 + 64) != '"'
                || json.indexOf("\"logseq\":", l + 1) >= 0 || json.indexOf("\"prevhash\":\"", p + 1) >= 0) {
            return false;
        }
        int digits = l + 9;
        int stop = digits;
        while (stop < json.length() && Character.isDigit(json.charAt(stop))) {
            stop++;
        }
        if (stop == digits || stop - digits > 18 || Long.parseLong(json, digits, stop, 10) != expectedLogseq
                || !json.regionMatches(p + 12, expectedPrevhash, 0, 64)) {
            return false;
        }
        // SHA-256 of the text without the hash member: the two parts on either side of it
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == json.length()) { // all ASCII: byte offsets are char offsets
            digest.update(utf8, 0, h);
            digest.update(utf8, end + 2, utf8.length - end - 2);
        } else {
            digest.update(json.substring(0, h).getBytes(StandardCharsets.UTF_8));
            digest.update(json.substring(end + 2).getBytes(StandardCharsets.UTF_8));
        }
        byte[] computed = digest.digest();
        if (!hexEquals(json, h + HASH_MEMBER.length(), computed)) {
            return false;
        }
        String hash = json.substring(h + HASH_MEMBER.length(), end);
        expectedLogseq++;
        expectedPrevhash = hash;
        head = hash;
        headBytes = computed;
        return true;
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Whether {@code text} at {@code from} is the lower-case hex of {@code bytes} (no parsing, no allocation). */
    private static boolean hexEquals(String text, int from, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (text.charAt(from + 2 * i) != HEX_DIGITS[(bytes[i] >> 4) & 0xF]
                    || text.charAt(from + 2 * i + 1) != HEX_DIGITS[bytes[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    private static final String HASH_MEMBER = "\"hash\":\"";
    private static final HexFormat HEX = HexFormat.of();
    /** One reusable digest per verifier (a verifier is used by one thread). */
    private final MessageDigest digest = sha256();
    private byte[] headBytes;

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present in the JDK", e);
        }
    }

    /** The hash of the last event verified good, as bytes (null before the first); do not modify. */
    public byte[] headHashBytes() {
        if (headBytes == null && !HashChain.GENESIS.equals(head)) {
            headBytes = HEX.parseHex(head);
        }
        return headBytes;
    }

    public Result result() {
        return new Result(count, expectedLogseq - 1, head, firstBreak, redacted);
    }

    /** {@code headLogseq}/{@code headHash}: the last event verified good; {@code redacted}: events checked by linkage only. */
    public record Result(long count, long headLogseq, String headHash, Break firstBreak, long redacted) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    public record Break(long logseq, String eventId, String reason) {
    }
}
