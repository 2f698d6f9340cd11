package org.mlaexchange.evidence.domain;

import java.time.LocalDate;

import org.mlaexchange.contracts.evidence.ItemConditions;
import org.mlaexchange.contracts.evidence.ItemMetadata;
import org.mlaexchange.contracts.evidence.Provenance;

/** The rules an item's metadata must meet at registration; every violation is collected. */
final class MetadataRules {

    private MetadataRules() {
    }

    static void check(Violations v, ItemMetadata metadata, Transfer transfer, LocalDate today) {
        if (!v.required(metadata, "metadata")) {
            return;
        }
        boolean physical = false;
        if (v.required(metadata.kind(), "metadata.kind")) {
            physical = !metadata.kind().hasContent();
        }
        v.requiredText(metadata.description(), "metadata.description");
        provenance(v, metadata.provenance(), today);
        v.requiredText(metadata.legalBasis(), "metadata.legalBasis");
        if (physical) {
            String why = "a physical object has no content";
            v.absent(metadata.mediaType(), "metadata.mediaType", why);
            v.absent(metadata.declaredSize(), "metadata.declaredSize", why);
            v.absent(metadata.declaredSha256(), "metadata.declaredSha256", why);
            v.requiredText(metadata.sealNumber(), "metadata.sealNumber");
        } else {
            if (v.requiredText(metadata.mediaType(), "metadata.mediaType")) {
                v.mediaType(metadata.mediaType(), "metadata.mediaType");
            }
            if (metadata.declaredSize() != null && metadata.declaredSize() < 0) {
                v.add("metadata.declaredSize", "must not be negative");
            }
            v.sha256(metadata.declaredSha256(), "metadata.declaredSha256");
            if (metadata.sealNumber() != null && metadata.sealNumber().isBlank()) {
                v.add("metadata.sealNumber", "must not be blank");
            }
        }
        if (metadata.measureId() != null && !transfer.requestMeasureIds().contains(metadata.measureId())) {
            v.add("metadata.measureId", "no measure " + metadata.measureId() + " in request " + transfer.requestId());
        }
        conditions(v, metadata.conditions(), today);
        v.optionalTexts(metadata.protectedPersons(), "metadata.protectedPersons");
    }

    private static void provenance(Violations v, Provenance p, LocalDate today) {
        if (!v.required(p, "metadata.provenance")) {
            return;
        }
        v.requiredText(p.method(), "metadata.provenance.method");
        if (v.required(p.obtainedOn(), "metadata.provenance.obtainedOn") && p.obtainedOn().isAfter(today)) {
            v.add("metadata.provenance.obtainedOn", "must not be in the future");
        }
        v.requiredText(p.place(), "metadata.provenance.place");
        v.requiredText(p.obtainedBy(), "metadata.provenance.obtainedBy");
    }

    private static void conditions(Violations v, ItemConditions c, LocalDate today) {
        v.optionalTexts(c.useLimits(), "metadata.conditions.useLimits");
        if (c.confidential()) {
            v.requiredText(c.confidentialityReasons(), "metadata.conditions.confidentialityReasons");
        } else {
            v.absent(c.confidentialityReasons(), "metadata.conditions.confidentialityReasons", "the item is not confidential");
        }
        if (c.returnRequired()) {
            if (v.required(c.returnBy(), "metadata.conditions.returnBy") && !c.returnBy().isAfter(today)) {
                v.add("metadata.conditions.returnBy", "must be in the future");
            }
        } else {
            v.absent(c.returnBy(), "metadata.conditions.returnBy", "return is not required");
        }
    }
}
