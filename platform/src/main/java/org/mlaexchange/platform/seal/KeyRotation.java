package org.mlaexchange.platform.seal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's re-wrap after a key-encryption key rotation: every data key still wrapped by a previous
 * key-encryption key is wrapped again under the current one, a batch per transaction. Idempotent: a second
 * run finds nothing to do. Once it reports nothing left under a previous key, that key can leave the
 * configuration ({@code mla.seal.previous-keks}).
 */
@ApplicationScoped
public class KeyRotation {

    static final int BATCH = 200;

    /** What a run did: the current key's id, rows re-wrapped, rows under keys not held (by id), and the rows per key after. */
    public record Report(String currentKekId, int rewrapped, Map<String, Integer> notHeld, Map<String, Long> wrappedByKek) {
    }

    private final CaseDataKeys keys;
    private final KeyEncryptionKey kek;

    public KeyRotation(CaseDataKeys keys, KeyEncryptionKey kek) {
        this.keys = keys;
        this.kek = kek;
    }

    @ActivateRequestContext
    public Report rewrap() {
        int rewrapped = 0;
        Map<String, Integer> notHeld = new TreeMap<>();
        String after = "";
        while (after != null) {
            String from = after;
            CaseDataKeys.Rewrapped batch = QuarkusTransaction.requiringNew().call(() -> keys.rewrap(from, BATCH));
            rewrapped += batch.rewrapped();
            batch.notHeld().forEach((id, n) -> notHeld.merge(id, n, Integer::sum));
            after = batch.lastCaseId();
        }
        return new Report(kek.id(), rewrapped, notHeld, QuarkusTransaction.requiringNew().call(keys::wrappedByKek));
    }
}
