package org.mlaexchange.extradition.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.extradition.ExtraditionEventTypes;
import org.mlaexchange.contracts.extradition.PersonSought;
import org.mlaexchange.extradition.domain.ExtraditionCase;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.identity.Caller;

/**
 * What each caller may see of a case it is allowed to see (domain.md §5–§6), under the Exchange's
 * {@link DisclosurePolicy}:
 * <ul>
 * <li>a protected person's identity only by the States party to the case; the oversight body's auditors
 *     get it redacted (names, aliases, birth, identifiers, description; nationalities stay, since a
 *     refusal on NATIONALITY is audited);</li>
 * <li>other cases for the same person (concurrent requests, model ECE 17) only by the requested State:
 *     a requesting State never learns of another State's case, neither from the match found when the
 *     request arrived nor from the ids in the requested State's record of its choice.</li>
 * </ul>
 * A case nobody needs to redact is returned as the case itself, so the live view and the as-of view
 * rebuilt from events serialise alike.
 */
@ApplicationScoped
public class Disclosure {

    public static final String PROTECTED_LABEL = "[protected person]";
    static final Set<String> CARRY_PERSON = Set.of(ExtraditionEventTypes.PROVISIONAL_ARREST_REQUESTED,
            ExtraditionEventTypes.EXTRADITION_REQUESTED, ExtraditionEventTypes.FORMAL_REQUEST_SUBMITTED);

    private final ObjectMapper mapper;

    public Disclosure(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether the caller may see who the person is: anyone who sees the case, unless the person is protected. */
    public static boolean seesIdentity(Caller caller, ExtraditionCase c) {
        return !isProtected(c) || audience(caller, c).seesProtectedIdentity();
    }

    static Audience audience(Caller caller, ExtraditionCase c) {
        return Audience.of(caller, caller.state() != null && c.isParty(caller.state()));
    }

    /** Whether either request of the case (provisional arrest, formal request) marks the person as protected. */
    public static boolean isProtected(ExtraditionCase c) {
        return (c.provisionalArrest() != null && isProtected(c.provisionalArrest().request().person()))
                || (c.formalRequest() != null && isProtected(c.formalRequest().request().person()));
    }

    private static boolean isProtected(PersonSought person) {
        return person != null && person.protectedPerson();
    }

    /** Whether the caller may see other cases about the same person: the requested State only (and the oversight body). */
    public static boolean seesOtherCases(Caller caller, ExtraditionCase c) {
        return caller.oversight() || c.requestedState().equals(caller.state());
    }

    /**
     * The case as the caller sees it.
     *
     * @param concurrentCaseIds cases found for the same person at the requested State; shown to the requested State only
     */
    public Object caseFor(Caller caller, ExtraditionCase c, List<UUID> concurrentCaseIds) {
        boolean redact = !seesIdentity(caller, c);
        boolean hideOthers = !seesOtherCases(caller, c) && c.concurrentRequests() != null;
        boolean flag = c.requestedState().equals(caller.state()) && !concurrentCaseIds.isEmpty();
        if (!redact && !hideOthers && !flag) {
            return c;
        }
        ObjectNode view = mapper.valueToTree(c);
        if (redact) {
            redactPerson(view.path("provisionalArrest").path("request"), mapper);
            redactPerson(view.path("formalRequest").path("request"), mapper);
        }
        if (hideOthers) {
            hideOtherCases(view.path("concurrentRequests"), c.id());
        }
        if (flag) {
            view.set("concurrentCaseIds", mapper.valueToTree(concurrentCaseIds));
        }
        if (redact) {
            DisclosurePolicy.replaceNames(view, protectedNames(c));
        }
        return view;
    }

    /** A protected person's names and aliases, as free text may write them, and the label that stands for them. */
    static Map<String, String> protectedNames(ExtraditionCase c) {
        Map<String, String> names = new LinkedHashMap<>();
        Stream.of(c.provisionalArrest() == null ? null : c.provisionalArrest().request().person(),
                        c.formalRequest() == null ? null : c.formalRequest().request().person())
                .filter(Disclosure::isProtected)
                .forEach(p -> Stream.concat(p.names().stream(), p.aliases().stream())
                        .forEach(name -> names.putIfAbsent(name, PROTECTED_LABEL)));
        return names;
    }

    /** The case's events as the caller sees them (redacted events no longer match their hash: verify with the audit API). */
    public List<CloudEvent> historyFor(Caller caller, ExtraditionCase c, List<CloudEvent> events) {
        boolean redact = !seesIdentity(caller, c);
        boolean hideOthers = !seesOtherCases(caller, c);
        DisclosurePolicy.StandIns names = DisclosurePolicy.standIns(redact ? protectedNames(c) : Map.of());
        return DisclosurePolicy.history(events, e -> {
            boolean carriesPerson = redact && CARRY_PERSON.contains(e.type());
            boolean namesOthers = hideOthers && ExtraditionEventTypes.CONCURRENT_REQUESTS_RECORDED.equals(e.type());
            if (!carriesPerson && !namesOthers && names.isEmpty()) {
                return null;
            }
            JsonNode data = e.data().deepCopy();
            if (carriesPerson) {
                redactPerson(data.path("request"), EventJson.mapper());
            }
            if (namesOthers) {
                hideOtherCases(data, c.id());
            }
            // free text of any event (reasons, notes, assurances) may name the protected person too
            return names.replaceIn(data) || carriesPerson || namesOthers ? data : null;
        });
    }

    /** What lists show of the person: initials and last name, never a protected person's names. */
    public static String label(ExtraditionCase c) {
        if (isProtected(c)) {
            return PROTECTED_LABEL;
        }
        String name = c.person().names().isEmpty() ? "" : c.person().names().get(0).trim();
        String[] parts = name.split("\\s+");
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty()) {
                label.append(parts[i], 0, parts[i].offsetByCodePoints(0, 1)).append(". ");
            }
        }
        label.append(parts[parts.length - 1]);
        return label.length() > 200 ? label.substring(0, 200) : label.toString();
    }

    /** The person as the oversight body sees a protected one: nothing that identifies them. */
    public static PersonSought redacted(PersonSought p) {
        return new PersonSought(List.of(PROTECTED_LABEL), List.of(), null, null, p.nationalities(), List.of(), null, true);
    }

    static void redactPerson(JsonNode request, ObjectMapper mapper) {
        if (request instanceof ObjectNode r && r.has("person")) {
            PersonSought person = mapper.convertValue(r.get("person"), PersonSought.class);
            r.set("person", mapper.valueToTree(redacted(person)));
        }
    }

    static void hideOtherCases(JsonNode concurrent, UUID caseId) {
        if (concurrent instanceof ObjectNode record) {
            record.remove("otherCaseIds");
            if (!caseId.toString().equals(record.path("chosenCaseId").asText())) {
                record.remove("chosenCaseId");
            }
        }
    }
}
