package org.mlaexchange.platform.seal;

import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A service's kind of case under the retention rule ({@link RetentionRule}), produced as a bean by each service
 * whose personal data is sealed ({@link #of}): what its cases are called, the table of its stored cases, the
 * statuses from which its own erasure is allowed, and that erasure, taken by the Exchange (no acting State) with
 * {@link org.mlaexchange.contracts.seal.ErasureReason#RETENTION_PERIOD_ENDED}.
 *
 * @param label    what a case of this kind is called in the report: "request", "transfer"
 * @param table    the table of the stored cases: an {@code id} (UUID, the case id in the log) and a {@code status} column
 * @param settled  the statuses from which the service's erasure is allowed (the case settled in one of them)
 * @param erase    records the service's erasure event for a case by the retention rule (key destroyed, case refolded);
 *                 a refusal by the case's own rules (e.g. items still in custody) is thrown and reported, never forced
 */
public record RetentionKind(String label, String table, Set<String> settled, Consumer<UUID> erase) {

    /** The kind whose erasure is allowed from the statuses of {@code settled} (its erase action's row of the transition table). */
    public static RetentionKind of(String label, String table, Set<? extends Enum<?>> settled, Consumer<UUID> erase) {
        return new RetentionKind(label, table, settled.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()), erase);
    }
}
