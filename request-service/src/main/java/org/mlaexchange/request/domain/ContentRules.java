package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.Violations;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.Attachment;
import org.mlaexchange.contracts.request.AttachmentKind;
import org.mlaexchange.contracts.request.Authority;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.request.Proceedings;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestedProcedure;
import org.mlaexchange.contracts.request.UrgentChannel;

/** Rules on the content of a request, checked on submission and on every new version of it. */
final class ContentRules {

    /** The farthest a desired date may lie ahead. */
    static final int MAX_YEARS_AHEAD = 10;

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private final ReferenceData referenceData;

    ContentRules(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /**
     * Checks one version of the content of a request between two States, on a date.
     *
     * @param requestedState {@code null} if unknown (already reported by the caller)
     */
    void check(Violations v, RequestContent content, StateCode requestingState, StateCode requestedState,
               boolean urgent, boolean confidential, UrgentChannel urgentChannel, LocalDate on) {
        if (!v.required(content, "content")) {
            return;
        }
        authority(v, content.requestingAuthority(), "content.requestingAuthority");
        authority(v, content.proceedingsAuthority(), "content.proceedingsAuthority");
        proceedings(v, content.proceedings());
        v.requiredText(content.summaryOfFacts(), "content.summaryOfFacts");
        legalQualification(v, content.legalQualification(), requestingState, requestedState, on);
        MeasureRules.measures(v, content.measures(), content.personsConcerned(), on);
        v.requiredText(content.purpose(), "content.purpose");
        contact(v, content.contact(), "content.contact");
        language(v, content, requestedState);
        procedures(v, content.procedures());
        persons(v, content.personsConcerned());
        attachments(v, content.attachments());
        if (content.officialsPresenceRequested()) {
            v.requiredText(content.officialsPresenceDetails(), "content.officialsPresenceDetails");
        }
        if (urgent) {
            v.requiredText(content.urgencyReasons(), "content.urgencyReasons");
        }
        if (content.desiredDate() != null && content.desiredDate().isBefore(on)) {
            v.add("content.desiredDate", "must not be in the past");
        } else if (content.desiredDate() != null && content.desiredDate().isAfter(on.plusYears(MAX_YEARS_AHEAD))) {
            // an absurd date (a number read as a day count, a year 99999) is a mistake, never an intention
            v.add("content.desiredDate", "must be within " + MAX_YEARS_AHEAD + " years");
        }
        if (confidential) {
            v.requiredText(content.confidentialityReasons(), "content.confidentialityReasons");
        }
        urgentChannel(v, content.personsConcerned(), urgent, urgentChannel);
    }

    /**
     * Only an urgent request also travels outside the Exchange, and never one naming a protected person:
     * their identity is never sent on urgent or INTERPOL channels (protection of persons, Arts 81–83).
     */
    private static void urgentChannel(Violations v, List<PersonConcerned> persons, boolean urgent, UrgentChannel channel) {
        if (channel == null || channel == UrgentChannel.EXCHANGE) {
            return;
        }
        if (!urgent) {
            v.add("urgentChannel", "only an urgent request travels through " + channel);
        } else if (persons.stream().anyMatch(p -> p != null && p.protectedPerson())) {
            v.add("urgentChannel", "a request naming a protected person never travels through " + channel
                    + " (protection of persons, Arts 81–83); send it through the Exchange only");
        }
    }

    /** A contact person: name and e-mail address required, phone optional. */
    static void contact(Violations v, ContactPerson contact, String field) {
        if (!v.required(contact, field)) {
            return;
        }
        v.requiredText(contact.name(), field + ".name");
        if (v.requiredText(contact.email(), field + ".email") && !contact.email().contains("@")) {
            v.add(field + ".email", "is not an e-mail address");
        }
    }

    private static void authority(Violations v, Authority authority, String field) {
        if (v.required(authority, field)) {
            v.requiredText(authority.name(), field + ".name");
        }
    }

    private static void proceedings(Violations v, Proceedings proceedings) {
        if (v.required(proceedings, "content.proceedings")) {
            v.required(proceedings.nature(), "content.proceedings.nature");
            v.requiredText(proceedings.subjectMatter(), "content.proceedings.subjectMatter");
            v.requiredText(proceedings.caseNumber(), "content.proceedings.caseNumber");
        }
    }

    /** Core crimes are always a valid legal basis; an annex crime only if both States' declarations of that annex are in force (Art. 2(2)). */
    private void legalQualification(Violations v, LegalQualification q, StateCode requestingState,
                                    StateCode requestedState, LocalDate on) {
        legalQualification(v, q, "content.legalQualification", requestingState, requestedState, on);
    }

    /** The same check for another case naming a crime between two States (spontaneous information). */
    void legalQualification(Violations v, LegalQualification q, String field, StateCode requestingState,
                            StateCode requestedState, LocalDate on) {
        if (!v.required(q, field)) {
            return;
        }
        v.requiredText(q.law(), field + ".law");
        v.requiredText(q.penalty(), field + ".penalty");
        if (!v.required(q.category(), field + ".category")) {
            return;
        }
        if (q.category() != CrimeCategory.ANNEX_CRIME) {
            if (q.annex() != null) {
                v.add(field + ".annex", "is only given for an annex crime");
            }
            return;
        }
        if (!v.requiredText(q.annex(), field + ".annex") || requestedState == null) {
            return;
        }
        for (StateCode state : List.of(requestingState, requestedState)) {
            if (!referenceData.annexDeclarationInForce(state, q.annex(), on)) {
                v.add(field + ".annex", "not a valid legal basis: " + state + " has no declaration of annex "
                        + q.annex() + " in force on " + on + " (Art. 2(2): both States must have declared it)");
            }
        }
    }

    /** The request is in a language the requested State accepts, or a translation into one is attached. */
    private void language(Violations v, RequestContent content, StateCode requestedState) {
        String language = content.language();
        if (!v.requiredText(language, "content.language")) {
            return;
        }
        if (!LANGUAGE.matcher(language).matches()) {
            v.add("content.language", "is not an ISO 639-1 code (two lower-case letters)");
            return;
        }
        if (requestedState == null || referenceData.acceptsLanguage(requestedState, language)) {
            return;
        }
        boolean translated = content.attachments().stream()
                .anyMatch(a -> a != null && a.kind() == AttachmentKind.TRANSLATION && a.language() != null
                        && referenceData.acceptsLanguage(requestedState, a.language()));
        if (!translated) {
            v.add("content.language", requestedState + " does not accept requests in '" + language
                    + "' and no translation into a language it accepts is attached");
        }
    }

    private static void procedures(Violations v, List<RequestedProcedure> procedures) {
        for (int i = 0; i < procedures.size(); i++) {
            String field = "content.procedures[" + i + "]";
            RequestedProcedure p = procedures.get(i);
            if (v.required(p, field)) {
                v.requiredText(p.procedure(), field + ".procedure");
                v.requiredText(p.reasons(), field + ".reasons");
            }
        }
    }

    private static void persons(Violations v, List<PersonConcerned> persons) {
        persons(v, persons, "content.personsConcerned");
    }

    static void persons(Violations v, List<PersonConcerned> persons, String prefix) {
        for (int i = 0; i < persons.size(); i++) {
            String field = prefix + "[" + i + "]";
            PersonConcerned p = persons.get(i);
            if (v.required(p, field)) {
                v.requiredText(p.identity(), field + ".identity");
            }
        }
    }

    private static void attachments(Violations v, List<Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            String field = "content.attachments[" + i + "]";
            Attachment a = attachments.get(i);
            if (!v.required(a, field)) {
                continue;
            }
            v.requiredText(a.title(), field + ".title");
            v.required(a.kind(), field + ".kind");
            if (a.language() != null && !LANGUAGE.matcher(a.language()).matches()) {
                v.add(field + ".language", "is not an ISO 639-1 code (two lower-case letters)");
            } else if (a.kind() == AttachmentKind.TRANSLATION) {
                v.requiredText(a.language(), field + ".language");
            }
        }
    }
}
