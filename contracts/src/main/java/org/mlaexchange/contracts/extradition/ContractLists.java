package org.mlaexchange.contracts.extradition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists held by contract records: absent means empty, and a record never shares a caller's list. */
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
