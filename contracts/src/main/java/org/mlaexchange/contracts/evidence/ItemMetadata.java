package org.mlaexchange.contracts.evidence;

/**
 * What the providing State declares about an evidence item when it registers it.
 *
 * <p>Required: {@code kind}, {@code description}, {@code provenance}, {@code legalBasis};
 * {@code mediaType} for items with content; {@code sealNumber} for a physical object.
 *
 * <p>Optional ({@code null} when absent): {@code declaredSize} and {@code declaredSha256} (lower-case
 * hex), which the stored content must then match; {@code sealNumber} for other kinds;
 * {@code measureId}, one of the request's measure ids; {@code conditions} (absent means none).
 * A physical object has no media type, size or digest.
 *
 * @param legalBasis the domestic authority under which it was obtained or is handed over
 */
public record ItemMetadata(
        ItemKind kind,
        String description,
        Provenance provenance,
        String legalBasis,
        String mediaType,
        Long declaredSize,
        String declaredSha256,
        String sealNumber,
        String measureId,
        ItemConditions conditions) {

    public ItemMetadata {
        conditions = conditions == null ? ItemConditions.none() : conditions;
    }
}
