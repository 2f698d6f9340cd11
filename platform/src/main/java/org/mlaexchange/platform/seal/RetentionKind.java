package org.mlaexchange.platform.seal;

import java.util.Set;
import java.util.UUID;

/**
 * A service's kind of case under the retention rule ({@link RetentionRule}): a bean per kind whose
 * personal data is sealed. It names the table of its stored cases and the statuses from which its own
 * erasure is allowed, and erases through that same erasure, by the Exchange (no acting State) with
 * {@link org.mlaexchange.contracts.seal.ErasureReason#RETENTION_PERIOD_ENDED}.
 */
public interface RetentionKind {

    /** What a case of this kind is called in the report: "request", "transfer". */
    String label();

    /** The table of the stored cases: an {@code id} (UUID, the case id in the log) and a {@code status} column. */
    String table();

    /** The statuses from which the service's erasure is allowed (a case settled in one of them). */
    Set<String> settledStatuses();

    /**
     * Records the service's erasure event for the case, by the retention rule: key destroyed, case refolded.
     * A refusal (the case's own rules, e.g. items still in custody) is thrown and reported, never forced.
     */
    void eraseByRetention(UUID id);
}
