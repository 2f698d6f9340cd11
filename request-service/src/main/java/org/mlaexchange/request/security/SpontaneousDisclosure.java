package org.mlaexchange.request.security;

import static org.mlaexchange.platform.disclosure.DisclosurePolicy.withhold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.request.domain.SpontaneousInformationCase;

/**
 * What each caller sees of spontaneous information, under the same {@link DisclosurePolicy} as requests
 * (domain.md §6, Arts 81–83): the two States' central authorities and auditors see everything; the
 * oversight body sees a protected person as "Protected person n" (identity and location withheld) and,
 * when a confidentiality condition was attached, the structure without the facts (subject matter,
 * summary, every person's identity and location, the confidentiality reasons withheld; parties, status,
 * legal qualification, conditions of use and item references kept).
 */
@ApplicationScoped
public class SpontaneousDisclosure {

    private final ObjectMapper mapper;

    public SpontaneousDisclosure(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static Audience audience(Caller caller, SpontaneousInformationCase c) {
        return Audience.of(caller, caller.state() != null && c.isParty(caller.state()));
    }

    /** The case as the caller sees it: the case itself, or a JSON copy with what it may not see withheld. */
    public Object caseFor(Caller caller, SpontaneousInformationCase c) {
        Audience audience = audience(caller, c);
        if (!withholdsFrom(audience, c)) {
            return c;
        }
        ObjectNode view = mapper.valueToTree(c);
        redact(audience, c.confidential(), view);
        if (!audience.seesProtectedIdentity()) {
            DisclosurePolicy.replaceNames(view, protectedNames(c));
        }
        return view;
    }

    /** Each protected person's identity and the label that stands for it. */
    static Map<String, String> protectedNames(SpontaneousInformationCase c) {
        Map<String, String> names = new LinkedHashMap<>();
        int protectedPersons = 0;
        for (PersonConcerned p : c.information().personsConcerned()) {
            if (p.protectedPerson()) {
                names.putIfAbsent(p.identity(), DisclosurePolicy.protectedLabel(++protectedPersons));
            }
        }
        return names;
    }

    /** The case's events as the caller sees them (changed events no longer match their hash: verify with the audit API). */
    public List<CloudEvent> historyFor(Caller caller, SpontaneousInformationCase c, List<CloudEvent> events) {
        Audience audience = audience(caller, c);
        if (!withholdsFrom(audience, c)) {
            return events;
        }
        DisclosurePolicy.StandIns names = DisclosurePolicy.standIns(audience.seesProtectedIdentity() ? Map.of() : protectedNames(c));
        return DisclosurePolicy.history(events, e -> {
            JsonNode data = e.data().deepCopy();
            boolean withheld = redact(audience, c.confidential(), data) != null;
            // free text of any event (notes, reasons) may name a protected person too
            return names.replaceIn(data) || withheld ? data : null;
        });
    }

    /** What lists show of the persons concerned: their identity, or "Protected person n". */
    public static List<String> personLabels(SpontaneousInformationCase c) {
        List<String> labels = new ArrayList<>();
        int protectedPersons = 0;
        for (PersonConcerned p : c.information().personsConcerned()) {
            labels.add(p.protectedPerson() ? DisclosurePolicy.protectedLabel(++protectedPersons) : p.identity());
        }
        return labels;
    }

    private static boolean withholdsFrom(Audience audience, SpontaneousInformationCase c) {
        return !audience.seesConfidentialFacts()
                && (c.confidential() || c.information().personsConcerned().stream().anyMatch(PersonConcerned::protectedPerson));
    }

    /**
     * Redacts, in place, a JSON object holding {@code information} and/or {@code conditions} (the case, a sent
     * or conditions-revised event) for the audience.
     *
     * @return the mark of what was withheld, or {@code null}
     */
    static String redact(Audience audience, boolean confidential, JsonNode node) {
        if (!(node instanceof ObjectNode) || audience.seesConfidentialFacts()) {
            return null;
        }
        String mark = null;
        JsonNode information = node.path("information");
        int protectedPersons = 0;
        for (JsonNode person : information.path("personsConcerned")) {
            if (person.path("protectedPerson").asBoolean() && !audience.seesProtectedIdentity()) {
                ((ObjectNode) person).put("identity", DisclosurePolicy.protectedLabel(++protectedPersons));
                withhold(person, "location");
                mark = DisclosurePolicy.PROTECTED_PERSON;
            } else if (confidential) {
                withhold(person, "identity", "location");
            }
        }
        if (confidential) {
            withhold(information, "subjectMatter", "summary");
            withhold(node.path("conditions"), "confidentialityReasons");
            if (information.isObject() || node.path("conditions").isObject()) {
                mark = DisclosurePolicy.strongest(mark, DisclosurePolicy.CONFIDENTIAL);
            }
        }
        return mark;
    }
}
