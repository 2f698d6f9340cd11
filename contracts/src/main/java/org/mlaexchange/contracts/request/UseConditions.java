package org.mlaexchange.contracts.request;

import java.util.List;

/**
 * Conditions the providing State attaches to spontaneous information. Once the receiving State has
 * acknowledged them they bind it like the use limits of evidence (speciality: any use other than
 * {@code permittedUse}, and any onward transfer, needs the providing State's prior consent).
 *
 * @param permittedUse           the use the information is given for; {@code null}: no limit of purpose
 * @param useLimits              further limits on use (may be empty)
 * @param confidentialityReasons required when {@code confidential}, absent otherwise
 */
public record UseConditions(
        String permittedUse,
        List<String> useLimits,
        boolean confidential,
        String confidentialityReasons) {

    public UseConditions {
        useLimits = ContractLists.copy(useLimits);
    }

    /** No condition: the information may be used freely. */
    public static UseConditions none() {
        return new UseConditions(null, List.of(), false, null);
    }
}
