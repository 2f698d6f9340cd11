package org.mlaexchange.request.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.mlaexchange.contracts.request.RequestEventTypes;
import org.mlaexchange.contracts.request.SpontaneousInformationEventTypes;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.PolicyReplay;
import org.mlaexchange.platform.identity.Caller;

/**
 * The audit replay under the same rules as {@link RequestDisclosure}: the events that carry a version of
 * the content (submitted, information provided, supplemented) reach the oversight body with protected
 * persons labelled and, for a confidential request, its facts withheld; they keep their hash and are
 * marked {@code redacted}. Spontaneous information (sent, conditions revised) under {@link SpontaneousDisclosure}.
 */
@Singleton // not a client proxy: PolicyReplay has no no-args constructor
public class RequestReplayDisclosure extends PolicyReplay {

    private static final String PROTECTED_MARK = "\"protectedPerson\":true";
    private static final String SPONTANEOUS_TYPE = "\"type\":\"org.mlaexchange.request.spontaneous-information.";

    public RequestReplayDisclosure(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected boolean mayCarry(Audience audience, String eventJson) {
        if (audience.seesConfidentialFacts()) {
            return false;
        }
        if (eventJson.contains(SPONTANEOUS_TYPE)) {
            return eventJson.contains("\"information\":{") || eventJson.contains("\"conditions\":{");
        }
        if (!eventJson.contains("\"content\":{")) {
            return false;
        }
        // a submission says itself whether it is confidential; later versions of the content are looked up
        return eventJson.contains(PROTECTED_MARK) || eventJson.contains("\"confidential\":true")
                || !eventJson.contains("\"type\":\"" + RequestEventTypes.SUBMITTED + "\"");
    }

    @Override
    protected String redact(Caller caller, Audience audience, ObjectNode event) {
        ObjectNode data = (ObjectNode) event.path("data");
        if (SpontaneousInformationEventTypes.isSpontaneousInformation(event.path("type").asText())) {
            // confidential if this event says so or the case ever was (a later revision may have added the condition)
            boolean confidential = data.path("conditions").path("confidential").asBoolean()
                    || flag(true, "SELECT confidential FROM spontaneous_information WHERE id = ?", UUID.fromString(event.path("subject").asText()));
            return SpontaneousDisclosure.redact(audience, confidential, data);
        }
        boolean confidential = RequestEventTypes.SUBMITTED.equals(event.path("type").asText())
                ? data.path("confidential").asBoolean()
                : isConfidential(event.path("subject").asText());
        return RequestDisclosure.redactContent(audience, confidential, data.path("content"));
    }

    /** The flag never changes after submission: the request's row holds it (no row yet: withhold rather than disclose). */
    private boolean isConfidential(String requestId) {
        return flag(true, "SELECT confidential FROM mla_request WHERE id = ?", UUID.fromString(requestId));
    }
}
