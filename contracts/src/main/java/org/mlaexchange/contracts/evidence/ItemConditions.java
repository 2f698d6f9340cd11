package org.mlaexchange.contracts.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * Conditions the providing State attaches to an item; they bind the receiving State.
 *
 * @param useLimits              limits on use beyond the speciality of evidence (may be empty)
 * @param confidentialityReasons required when {@code confidential}, absent otherwise
 * @param returnBy               required when {@code returnRequired}, absent otherwise
 */
public record ItemConditions(
        List<String> useLimits,
        boolean confidential,
        String confidentialityReasons,
        boolean returnRequired,
        LocalDate returnBy) {

    public ItemConditions {
        useLimits = ContractLists.copy(useLimits);
    }

    /** No conditions beyond the speciality of evidence. */
    public static ItemConditions none() {
        return new ItemConditions(List.of(), false, null, false, null);
    }
}
