package org.mlaexchange.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashChainTest {

    static CloudEvent event(long logseq, String prevhash, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, "00000000-0000-0000-0000-00000000000" + logseq,
                "/mla-exchange/request-service", "org.mlaexchange.request.submitted.v1",
                "11111111-1111-1111-1111-111111111111", "2026-11-22T10:00:00.000001Z",
                CloudEvent.DATA_CONTENT_TYPE, "NL", logseq, logseq, prevhash, null, EventJson.toData(data));
    }

    static List<String> chain(int length) {
        List<String> log = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            HashChain.Sealed sealed = HashChain.seal(event(i, prev, Map.of("n", i, "text", "é\u2028\"")));
            log.add(sealed.json());
            prev = sealed.event().hash();
        }
        return log;
    }

    @Test
    void canonicalFormSortsKeysAndDropsWhitespace() {
        assertEquals("{\"a\":[1,\"x\"],\"b\":true,\"c\":{\"d\":\"\\n\"}}",
                EventJson.canonical(EventJson.tree("{ \"c\": {\"d\": \"\\n\"}, \"b\": true, \"a\": [1, \"x\"] }")));
    }

    @Test
    void hashIsSha256OfCanonicalEventWithoutHash() {
        HashChain.Sealed sealed = HashChain.seal(event(1, HashChain.GENESIS, Map.of("k", "v")));
        ObjectNode withoutHash = (ObjectNode) EventJson.tree(sealed.json());
        withoutHash.remove("hash");
        // recomputed independently: canonical text of the published record minus its hash
        assertEquals(HashChain.sha256Hex(EventJson.canonical(withoutHash)), sealed.event().hash());
        assertTrue(sealed.event().hash().matches("[0-9a-f]{64}"));
        assertEquals(sealed.json(), EventJson.canonical(EventJson.tree(sealed.json())), "published bytes are canonical");
    }

    @Test
    void sealedBytesAreTheCanonicalFormEvenWhenTheDataHasIdMembers() {
        HashChain.Sealed sealed = HashChain.seal(event(3, HashChain.GENESIS,
                Map.of("id", "m1", "measures", java.util.List.of(Map.of("id", 7)), "text", "\"id\": in a string")));
        assertEquals(EventJson.canonical(EventJson.mapper().valueToTree(sealed.event())), sealed.json());
        assertEquals(HashChain.hashOf(sealed.event()), sealed.event().hash());
    }

    @Test
    void prevhashIsCoveredByTheHash() {
        String a = HashChain.seal(event(2, "a".repeat(64), Map.of())).event().hash();
        String b = HashChain.seal(event(2, "b".repeat(64), Map.of())).event().hash();
        assertNotEquals(a, b);
    }

    @Test
    void floatingPointDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.toData(Map.of("amount", 1.5)));
    }

    @Test
    void intactChainVerifies() {
        ChainVerifier verifier = new ChainVerifier();
        chain(5).forEach(verifier::accept);
        ChainVerifier.Result result = verifier.result();
        assertTrue(result.intact());
        assertEquals(5, result.count());
        assertEquals(5, result.headLogseq());
    }

    @Test
    void theSameEventsInAnotherJsonFormStillVerifyButDuplicatedMembersDoNot() {
        List<String> pretty = chain(5).stream().map(json -> EventJson.tree(json).toPrettyString()).toList();
        assertTrue(verify(pretty).intact(), "the full check canonicalises what the fast path cannot read");
        // whitespace is not content: the full check canonicalises it
        List<String> log = chain(5);
        String third = log.get(2).replace("\"n\":3", "\"n\": 3");
        assertTrue(verify(java.util.List.of(log.get(0), log.get(1), third, log.get(3), log.get(4))).intact());
        // duplicated members: the last wins for every reader, and the hash does not cover the first
        String withEarlierLogseq = log.get(2).replaceFirst("\\{", "{\"logseq\":9,");
        assertEquals(3, verify(java.util.List.of(log.get(0), log.get(1), withEarlierLogseq)).firstBreak().logseq());
    }

    @Test
    void editedPayloadIsTheFirstBreak() {
        List<String> log = chain(5);
        log.set(2, log.get(2).replace("\"n\":3", "\"n\":4"));
        ChainVerifier.Result result = verify(log);
        assertFalse(result.intact());
        assertEquals(3, result.firstBreak().logseq());
        assertEquals(2, result.headLogseq());
    }

    @Test
    void deletedEventIsDetected() {
        List<String> log = chain(5);
        log.remove(1);
        assertEquals(2, verify(log).firstBreak().logseq());
    }

    @Test
    void reorderedEventsAreDetected() {
        List<String> log = chain(5);
        String third = log.get(2);
        log.set(2, log.get(3));
        log.set(3, third);
        assertEquals(3, verify(log).firstBreak().logseq());
    }

    @Test
    void rehashedForgeryStillBreaksTheLinkToTheNextEvent() {
        List<String> log = chain(4);
        ObjectNode forged = (ObjectNode) EventJson.tree(log.get(1).replace("\"n\":2", "\"n\":9"));
        forged.put("hash", HashChain.hashOf(forged));
        log.set(1, EventJson.canonical(forged));
        ChainVerifier.Result result = verify(log);
        assertEquals(3, result.firstBreak().logseq());
        assertTrue(result.firstBreak().reason().contains("prevhash"));
    }

    private static ChainVerifier.Result verify(List<String> log) {
        ChainVerifier verifier = new ChainVerifier();
        log.forEach(verifier::accept);
        return verifier.result();
    }
}
