package org.mlaexchange.request.security;

import static org.mlaexchange.platform.disclosure.DisclosurePolicy.withhold;
import static org.mlaexchange.platform.disclosure.DisclosurePolicy.withholdInEach;

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
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.platform.disclosure.Audience;
import org.mlaexchange.platform.disclosure.DisclosurePolicy;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.request.domain.MlaRequest;

/**
 * What each caller sees of a request it may see, under the Exchange's {@link DisclosurePolicy}
 * (domain.md §6, Arts 81–83). The parties' central authorities and auditors see everything. The
 * oversight body's auditors see, in every version of the content:
 * <ul>
 * <li>a protected person as "Protected person n" (identity and location withheld, nationality kept);</li>
 * <li>of a confidential request, its structure but not its facts: every person's identity and location,
 *     the summary of facts, purpose, subject matter, measure specifics, procedure reasons, attachment titles,
 *     and the urgency, confidentiality and officials' presence reasons are withheld; parties, status,
 *     deadlines, legal qualification, measure kinds, decisions and grounds for refusal stay.</li>
 * </ul>
 * A request nobody needs to redact is returned as the request itself.
 */
@ApplicationScoped
public class RequestDisclosure {

    private final ObjectMapper mapper;

    public RequestDisclosure(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static Audience audience(Caller caller, MlaRequest r) {
        return Audience.of(caller, caller.state() != null && r.isParty(caller.state()));
    }

    /** The request as the caller sees it: the request itself, or a JSON copy with what it may not see withheld. */
    public Object requestFor(Caller caller, MlaRequest r) {
        Audience audience = audience(caller, r);
        if (!withholdsFrom(audience, r)) {
            return r;
        }
        ObjectNode view = mapper.valueToTree(r);
        for (JsonNode content : view.path("contentVersions")) {
            redactContent(audience, r.confidential(), content);
        }
        if (r.confidential()) {
            for (JsonNode measure : view.path("measures")) {
                withhold(measure, "specifics");
                keepKindOnly(measure.path("requested"));
                keepKindOnly(measure.path("execution"));
            }
        }
        if (!audience.seesProtectedIdentity()) {
            DisclosurePolicy.replaceNames(view, protectedNames(r));
        }
        return view;
    }

    /** Each protected person's identity, in any version of the content, and the label that stands for it. */
    static Map<String, String> protectedNames(MlaRequest r) {
        Map<String, String> names = new LinkedHashMap<>();
        for (RequestContent content : r.contentVersions()) {
            int protectedPersons = 0;
            for (PersonConcerned p : content.personsConcerned()) {
                if (p.protectedPerson()) {
                    names.putIfAbsent(p.identity(), DisclosurePolicy.protectedLabel(++protectedPersons));
                }
            }
        }
        return names;
    }

    /** Of a confidential measure (asked or executed) the oversight body sees its kind: every typed detail is a fact. */
    private static void keepKindOnly(JsonNode measure) {
        if (measure instanceof ObjectNode node) {
            node.retain("kind", "specifics");
            withhold(node, "specifics");
        }
    }

    /** The request's events as the caller sees them (changed events no longer match their hash: verify with the audit API). */
    public List<CloudEvent> historyFor(Caller caller, MlaRequest r, List<CloudEvent> events) {
        Audience audience = audience(caller, r);
        if (!withholdsFrom(audience, r)) {
            return events;
        }
        DisclosurePolicy.StandIns names = DisclosurePolicy.standIns(audience.seesProtectedIdentity() ? Map.of() : protectedNames(r));
        return DisclosurePolicy.history(events, e -> {
            JsonNode data = e.data().deepCopy();
            boolean withheld = redactContent(audience, r.confidential(), data.path("content")) != null;
            // free text of any event (reasons, minutes, notes) may name a protected person too
            return names.replaceIn(data) || withheld ? data : null;
        });
    }

    /** What lists show of the persons concerned: their identity, or "Protected person n". */
    public static List<String> personLabels(RequestContent content) {
        List<String> labels = new ArrayList<>();
        int protectedPersons = 0;
        for (PersonConcerned p : content.personsConcerned()) {
            labels.add(p.protectedPerson() ? DisclosurePolicy.protectedLabel(++protectedPersons) : p.identity());
        }
        return labels;
    }

    private static boolean withholdsFrom(Audience audience, MlaRequest r) {
        return !audience.seesConfidentialFacts()
                && (r.confidential() || r.contentVersions().stream().anyMatch(RequestDisclosure::namesProtectedPerson));
    }

    static boolean namesProtectedPerson(RequestContent content) {
        return content.personsConcerned().stream().anyMatch(PersonConcerned::protectedPerson);
    }

    /**
     * Redacts one version of the content (JSON, in place) for the audience.
     *
     * @return the mark of what was withheld ({@link DisclosurePolicy#PROTECTED_PERSON}, {@link DisclosurePolicy#CONFIDENTIAL}), or {@code null}
     */
    static String redactContent(Audience audience, boolean confidential, JsonNode content) {
        if (!(content instanceof ObjectNode)) {
            return null;
        }
        String mark = null;
        int protectedPersons = 0;
        for (JsonNode person : content.path("personsConcerned")) {
            if (person.path("protectedPerson").asBoolean() && !audience.seesProtectedIdentity()) {
                ((ObjectNode) person).put("identity", DisclosurePolicy.protectedLabel(++protectedPersons));
                withhold(person, "location");
                mark = DisclosurePolicy.PROTECTED_PERSON;
            } else if (confidential && !audience.seesConfidentialFacts()) {
                withhold(person, "identity", "location");
            }
        }
        if (confidential && !audience.seesConfidentialFacts()) {
            withhold(content, "summaryOfFacts", "purpose", "urgencyReasons", "confidentialityReasons", "officialsPresenceDetails");
            withhold(content.path("proceedings"), "subjectMatter");
            content.path("measures").forEach(RequestDisclosure::keepKindOnly);
            withholdInEach(content, "procedures", "reasons");
            withholdInEach(content, "attachments", "title");
            mark = DisclosurePolicy.strongest(mark, DisclosurePolicy.CONFIDENTIAL);
        }
        return mark;
    }
}
