package org.mlaexchange.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks one service log in {@code logseq} order and reports the first broken link: a hash that does
 * not recompute, a {@code prevhash} that is not the previous hash, or a gap or reordering in
 * {@code logseq}. Feed it every event from the start of the log, or from a known trusted head.
 */
public final class ChainVerifier {

    private long expectedLogseq;
    private String expectedPrevhash;
    private String head;
    private long count;
    private Break firstBreak;

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
        String recomputed = HashChain.hashOf(event);
        if (!recomputed.equals(recorded)) {
            firstBreak = new Break(logseq, id, "hash does not match the event's content (recomputed " + recomputed + ")");
            return false;
        }
        expectedLogseq = logseq + 1;
        expectedPrevhash = recorded;
        head = recorded;
        return true;
    }

    public Result result() {
        return new Result(count, expectedLogseq - 1, head, firstBreak);
    }

    /** {@code headLogseq}/{@code headHash}: the last event verified good. */
    public record Result(long count, long headLogseq, String headHash, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    public record Break(long logseq, String eventId, String reason) {
    }
}
