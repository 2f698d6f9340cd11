package org.mlaexchange.contracts.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists held by evidence contract records: absent means empty, and a record never shares a caller's
 * list. The same rule as the request contracts' helper, which is private to its package.
 */
final class ContractLists {

    private ContractLists() {
    }

    /**
     * An unmodifiable copy; {@code null} becomes an empty list. Null elements are kept (unlike
     * {@link List#copyOf}) so that the validation of a command can name them instead of failing here.
     */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
