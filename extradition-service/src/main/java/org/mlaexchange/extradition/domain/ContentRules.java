package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.Violations;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.Assurance;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.PersonIdentifier;
import org.mlaexchange.contracts.extradition.PersonSought;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.extradition.WarrantReference;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.CrimeCategory;
import org.mlaexchange.contracts.request.LegalQualification;

/** Rules on the content of extradition requests, checked when a request arrives and when offences are named later. */
final class ContentRules {

    private static final Pattern STATE_CODE = Pattern.compile("[A-Z]{2}");

    private final ReferenceData referenceData;

    ContentRules(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /**
     * The channel must be one the requested State accepts; a protected person's data never travel through
     * INTERPOL (protection of persons, Arts 81–83).
     *
     * @param requestedState {@code null} if unknown (already reported by the caller)
     * @param person         {@code null} if absent (reported elsewhere)
     */
    void channel(Violations v, ArrivalChannel channel, StateCode requestedState, PersonSought person) {
        if (!v.required(channel, "channel")) {
            return;
        }
        if (requestedState != null && !referenceData.acceptsChannel(requestedState, channel)) {
            v.add("channel", requestedState + " does not accept requests through " + channel);
        }
        if (channel == ArrivalChannel.INTERPOL && person != null && person.protectedPerson()) {
            v.add("channel", "the data of a protected person are never sent through INTERPOL (protection of persons, Arts 81–83)");
        }
    }

    /** A request for provisional arrest (model ECE 16): a warrant exists and a formal request will follow. */
    void provisionalArrest(Violations v, ProvisionalArrestRequest r, StateCode requestingState, StateCode requestedState, LocalDate on) {
        if (!v.required(r, "request")) {
            return;
        }
        person(v, r.person(), "request.person", on);
        offences(v, r.offences(), "request.offences", bothStates(requestingState, requestedState), on);
        warrant(v, r.warrant(), "request.warrant", on);
        v.requiredText(r.urgencyReasons(), "request.urgencyReasons");
        contact(v, r.contact(), "request.contact");
        if (!r.formalRequestToFollow()) {
            v.add("request.formalRequestToFollow", "a request for provisional arrest states that a formal request will follow"
                    + " (provisional arrest, model ECE 16)");
        }
    }

    /** The formal request (model ECE 12): person, offences, warrant or judgment, supporting documents. */
    void formalRequest(Violations v, FormalRequest r, StateCode requestingState, StateCode requestedState, LocalDate on) {
        if (!v.required(r, "request")) {
            return;
        }
        person(v, r.person(), "request.person", on);
        offences(v, r.offences(), "request.offences", bothStates(requestingState, requestedState), on);
        warrant(v, r.warrant(), "request.warrant", on);
        if (r.documents().isEmpty()) {
            v.add("request.documents", "at least one supporting document is required");
        }
        documents(v, r.documents(), "request.documents");
        contact(v, r.contact(), "request.contact");
    }

    /** The States whose annex declarations make an annex crime a legal basis; an unknown requested State is left out (already reported). */
    private static List<StateCode> bothStates(StateCode requestingState, StateCode requestedState) {
        return requestedState == null ? List.of(requestingState) : List.of(requestingState, requestedState);
    }

    static void person(Violations v, PersonSought p, String field, LocalDate on) {
        if (!v.required(p, field)) {
            return;
        }
        v.requiredTexts(p.names(), field + ".names");
        v.optionalTexts(p.aliases(), field + ".aliases");
        if (p.dateOfBirth() != null && p.dateOfBirth().isAfter(on)) {
            v.add(field + ".dateOfBirth", "must not be in the future");
        }
        for (int i = 0; i < p.nationalities().size(); i++) {
            stateCode(v, p.nationalities().get(i), field + ".nationalities[" + i + "]", true);
        }
        for (int i = 0; i < p.identifiers().size(); i++) {
            String f = field + ".identifiers[" + i + "]";
            PersonIdentifier id = p.identifiers().get(i);
            if (v.required(id, f)) {
                v.required(id.kind(), f + ".kind");
                v.requiredText(id.value(), f + ".value");
                stateCode(v, id.issuingState(), f + ".issuingState", false);
            }
        }
    }

    /**
     * One or more offences. Core crimes are always a valid legal basis; an annex crime only if the
     * declarations of that annex of every State in {@code declaringStates} are in force (Art. 2(2)).
     */
    void offences(Violations v, List<Offence> offences, String field, List<StateCode> declaringStates, LocalDate on) {
        if (offences == null || offences.isEmpty()) {
            v.add(field, "at least one offence is required");
            return;
        }
        for (int i = 0; i < offences.size(); i++) {
            String f = field + "[" + i + "]";
            Offence o = offences.get(i);
            if (!v.required(o, f)) {
                continue;
            }
            qualification(v, o.qualification(), f + ".qualification", declaringStates, on);
            v.requiredText(o.description(), f + ".description");
            if (v.required(o.committedFrom(), f + ".committedFrom") && o.committedFrom().isAfter(on)) {
                v.add(f + ".committedFrom", "must not be in the future");
            }
            if (o.committedTo() != null && o.committedFrom() != null && o.committedTo().isBefore(o.committedFrom())) {
                v.add(f + ".committedTo", "must not be before committedFrom");
            }
            v.requiredText(o.place(), f + ".place");
        }
    }

    private void qualification(Violations v, LegalQualification q, String field, List<StateCode> declaringStates, LocalDate on) {
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
        if (!v.requiredText(q.annex(), field + ".annex")) {
            return;
        }
        for (StateCode state : declaringStates) {
            if (!referenceData.annexDeclarationInForce(state, q.annex(), on)) {
                v.add(field + ".annex", "not a valid legal basis: " + state + " has no declaration of annex "
                        + q.annex() + " in force on " + on + " (Art. 2(2): both States must have declared it)");
            }
        }
    }

    static void warrant(Violations v, WarrantReference w, String field, LocalDate on) {
        if (!v.required(w, field)) {
            return;
        }
        v.required(w.kind(), field + ".kind");
        v.requiredText(w.reference(), field + ".reference");
        v.requiredText(w.issuingAuthority(), field + ".issuingAuthority");
        if (v.required(w.issuedOn(), field + ".issuedOn") && w.issuedOn().isAfter(on)) {
            v.add(field + ".issuedOn", "must not be in the future");
        }
    }

    static void documents(Violations v, List<SupportingDocument> documents, String field) {
        if (documents == null) {
            return;
        }
        for (int i = 0; i < documents.size(); i++) {
            String f = field + "[" + i + "]";
            SupportingDocument d = documents.get(i);
            if (v.required(d, f)) {
                v.requiredText(d.title(), f + ".title");
            }
        }
    }

    /** One or more assurances, each of a kind and with its wording. */
    static void assurances(Violations v, List<Assurance> assurances, String field) {
        if (assurances == null || assurances.isEmpty()) {
            v.add(field, "at least one assurance is required");
            return;
        }
        for (int i = 0; i < assurances.size(); i++) {
            String f = field + "[" + i + "]";
            Assurance a = assurances.get(i);
            if (v.required(a, f)) {
                v.required(a.kind(), f + ".kind");
                v.requiredText(a.text(), f + ".text");
            }
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

    private static void stateCode(Violations v, String code, String field, boolean required) {
        if (code == null && !required) {
            return;
        }
        if (code == null || !STATE_CODE.matcher(code).matches()) {
            v.add(field, "is not an ISO 3166-1 alpha-2 code (two upper-case letters)");
        }
    }
}
