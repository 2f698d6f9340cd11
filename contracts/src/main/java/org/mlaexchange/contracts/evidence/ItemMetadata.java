package org.mlaexchange.contracts.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * What the providing State declares about an evidence item when it registers it.
 *
 * <p>Required: {@code kind}, {@code description}, {@code provenance}, {@code legalBasis};
 * {@code mediaType} for items with content; {@code sealNumber} for a physical object.
 *
 * <p>Optional ({@code null} when absent): {@code declaredSize} and {@code declaredSha256} (lower-case
 * hex), which the stored content must then match; {@code sealNumber} for other kinds;
 * {@code measureId}, one of the request's measure ids; {@code conditions} (absent means none);
 * {@code protectedPersons} (absent means none). A physical object has no media type, size or digest.
 *
 * @param legalBasis       the domestic authority under which it was obtained or is handed over
 * @param protectedPersons the protected persons the item names (a witness's statement, a recording): its
 *                         metadata is then shown to the two parties only (Arts 81–83)
 */
public record ItemMetadata(
        ItemKind kind,
        String description,
        Provenance provenance,
        String legalBasis,
        @NotPersonal String mediaType,
        Long declaredSize,
        @NotPersonal String declaredSha256,
        @NotPersonal String sealNumber,
        @NotPersonal String measureId,
        ItemConditions conditions,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> protectedPersons) {

    public ItemMetadata {
        conditions = conditions == null ? ItemConditions.none() : conditions;
        protectedPersons = ContractLists.copy(protectedPersons);
    }

    /** Metadata of an item that names no protected person. */
    public ItemMetadata(ItemKind kind, String description, Provenance provenance, String legalBasis, String mediaType,
                        Long declaredSize, String declaredSha256, String sealNumber, String measureId, ItemConditions conditions) {
        this(kind, description, provenance, legalBasis, mediaType, declaredSize, declaredSha256, sealNumber, measureId, conditions,
                List.of());
    }

    public boolean namesProtectedPersons() {
        return !protectedPersons.isEmpty();
    }
}
