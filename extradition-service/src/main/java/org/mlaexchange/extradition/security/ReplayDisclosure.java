package org.mlaexchange.extradition.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.mlaexchange.contracts.events.ChainVerifier;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.disclosure.PolicyReplay;
import org.mlaexchange.platform.identity.Caller;

/**
 * The audit replay under the same rules as {@link Disclosure}: a protected person's identity reaches
 * only the States party to the case (the oversight body's auditors get it redacted), and other cases
 * about the same person only the requested State (who records them) and the oversight body.
 * A withheld event keeps its hash and is marked {@value ChainVerifier#REDACTED}.
 */
@Singleton // not a client proxy: PolicyReplay has no no-args constructor
public class ReplayDisclosure extends PolicyReplay {

    static final String OTHER_CASES = "other-cases";
    private static final String PROTECTED_MARK = "\"protectedPerson\":true";

    public ReplayDisclosure(AgroalDataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected boolean mayCarry(Audience audience, String eventJson) {
        return Disclosure.CARRY_PERSON.stream().anyMatch(type -> eventJson.contains("\"type\":\"" + type + "\""))
                || eventJson.contains("\"type\":\"" + ExtraditionEventTypes.CONCURRENT_REQUESTS_RECORDED + "\"");
    }

    @Override
    protected String redact(Caller caller, Audience audience, ObjectNode event) {
        String type = event.path("type").asText();
        String caseId = event.path("subject").asText();
        if (Disclosure.CARRY_PERSON.contains(type) && !audience.seesProtectedIdentity() && isProtectedCase(caseId, event)) {
            Disclosure.redactPerson(event.path("data").path("request"), EventJson.mapper());
            return DisclosurePolicy.PROTECTED_PERSON;
        }
        if (ExtraditionEventTypes.CONCURRENT_REQUESTS_RECORDED.equals(type) && !caller.oversight() && (caller.state() == null
                || !caller.state().value().equals(event.path("actorstate").asText()))) {
            Disclosure.hideOtherCases(event.path("data"), UUID.fromString(caseId));
            return OTHER_CASES;
        }
        return null;
    }

    /** Protected if any request of the case says so (a later formal request may mark a person the arrest request did not). */
    private boolean isProtectedCase(String caseId, ObjectNode event) {
        return event.path("data").path("request").path("person").path("protectedPerson").asBoolean()
                || flag(false, "SELECT true FROM event_log WHERE case_id = ? AND envelope LIKE ? LIMIT 1", caseId, "%" + PROTECTED_MARK + "%");
    }
}
