package org.mlaexchange.contracts.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.events.HashChain;

/** Sealed event logs for the audit tests, built the way a service seals them (HashChain.seal). */
final class AuditLogs {

    static final String SERVICE = "request-service";

    private AuditLogs() {
    }

    /** A valid log of {@code length} events, as canonical JSON in logseq order. */
    static List<String> chain(int length) {
        return chain(length, i -> Map.of("n", i, "text", "é\u2028\""));
    }

    /** A valid log whose event {@code logseq = i} carries {@code data.apply(i)}: any log so built verifies. */
    static List<String> chain(int length, IntFunction<Map<String, Object>> data) {
        List<String> log = new ArrayList<>();
        String prev = HashChain.GENESIS;
        for (int i = 1; i <= length; i++) {
            HashChain.Sealed sealed = HashChain.seal(event(i, prev, data.apply(i)));
            log.add(sealed.json());
            prev = sealed.event().hash();
        }
        return log;
    }

    /**
     * A "consistent forgery" of {@link #chain(int)}: logseq {@code edited} rewritten and every event
     * from there on re-sealed, so the forged log is a valid chain of its own.
     */
    static List<String> forged(int length, int edited) {
        return chain(length, i -> Map.of("n", i, "text", i == edited ? "rewritten" : "é\u2028\""));
    }

    static CloudEvent event(long logseq, String prevhash, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, String.format("00000000-0000-0000-0000-%012d", logseq),
                "/mla-exchange/" + SERVICE, "org.mlaexchange.request.submitted.v1",
                "11111111-1111-1111-1111-111111111111", "2026-11-22T10:00:00.000001Z",
                CloudEvent.DATA_CONTENT_TYPE, "NL", logseq, logseq, prevhash, null, EventJson.toData(data));
    }

    /** The {@code hash} attribute of each event. */
    static List<String> hashes(List<String> log) {
        return log.stream().map(json -> EventJson.parse(json).hash()).toList();
    }

    /** Leaf hashes of a log's Merkle tree: SHA-256(0x00 || event hash bytes). */
    static List<byte[]> leafHashes(List<String> log) {
        return hashes(log).stream().map(MerkleLog::leafHashOfEvent).toList();
    }
}
