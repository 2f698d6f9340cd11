package org.mlaexchange.evidence.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import org.mlaexchange.contracts.evidence.EvidenceEventTypes;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.PolicyReplay;
import org.mlaexchange.platform.identity.Caller;

/**
 * The audit replay under the same rules as {@link EvidenceDisclosure}: an item's registration, which
 * carries its metadata, reaches the oversight body redacted when the item names protected persons or is
 * confidential; it keeps its hash and is marked {@code redacted}.
 */
@Singleton // not a client proxy: PolicyReplay has no no-args constructor
public class EvidenceReplayDisclosure extends PolicyReplay {

    private static final String REGISTERED = "\"type\":\"" + EvidenceEventTypes.ITEM_REGISTERED + "\"";

    public EvidenceReplayDisclosure(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected boolean mayCarry(Audience audience, String eventJson) {
        return !audience.seesConfidentialFacts() && eventJson.contains(REGISTERED)
                && (eventJson.contains("\"protectedPersons\":[") || eventJson.contains("\"confidential\":true"));
    }

    @Override
    protected String redact(Caller caller, Audience audience, ObjectNode event) {
        return EvidenceDisclosure.redactMetadata(audience, event.path("data").path("metadata"));
    }
}
