package org.mlaexchange.request.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureRequest.CrossBorderInvestigations;
import org.mlaexchange.contracts.request.MeasureRequest.ExaminingObjectsAndSites;
import org.mlaexchange.contracts.request.MeasureRequest.FacilitatingVoluntaryAppearance;
import org.mlaexchange.contracts.request.MeasureRequest.FreezingAndConfiscationOfAssets;
import org.mlaexchange.contracts.request.MeasureRequest.IdentifyingOrLocatingPersons;
import org.mlaexchange.contracts.request.MeasureRequest.OtherAssistance;
import org.mlaexchange.contracts.request.MeasureRequest.PersonHeard;
import org.mlaexchange.contracts.request.MeasureRequest.PersonStatus;
import org.mlaexchange.contracts.request.MeasureRequest.Protection;
import org.mlaexchange.contracts.request.MeasureRequest.ProtectionOfWitnessesAndVictims;
import org.mlaexchange.contracts.request.MeasureRequest.ProtectiveMeasure;
import org.mlaexchange.contracts.request.MeasureRequest.ProvidingDocumentsAndRecords;
import org.mlaexchange.contracts.request.MeasureRequest.ProvidingInformationAndEvidence;
import org.mlaexchange.contracts.request.MeasureRequest.SearchAndSeizure;
import org.mlaexchange.contracts.request.MeasureRequest.ServiceOfDocuments;
import org.mlaexchange.contracts.request.MeasureRequest.SpecialInvestigativeTechniques;
import org.mlaexchange.contracts.request.MeasureRequest.TakingEvidence;
import org.mlaexchange.contracts.request.MeasureRequest.TemporaryTransfer;
import org.mlaexchange.contracts.request.MeasureRequest.VideoConference;
import org.mlaexchange.contracts.request.PersonConcerned;
import org.mlaexchange.contracts.rules.Violations;

/**
 * Completeness of each kind of measure (the kinds of assistance and the content of a request, domain.md §3)
 * and of its execution record, as the requested State checks them. A measure described in words only
 * (its kind and {@code specifics}, the form before typed measures) is still accepted; once any field of
 * its kind is given, the measure is typed and must be complete for its kind.
 */
final class MeasureRules {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private MeasureRules() {
    }

    /** Checks the measures of one content version; persons are positions in its {@code personsConcerned}. */
    static void measures(Violations v, List<MeasureRequest> measures, List<PersonConcerned> persons, LocalDate on) {
        if (measures.isEmpty()) {
            v.add("content.measures", "at least one measure is required");
        }
        for (int i = 0; i < measures.size(); i++) {
            String field = "content.measures[" + i + "]";
            MeasureRequest m = measures.get(i);
            if (v.required(m, field)) {
                v.requiredText(m.specifics(), field + ".specifics");
                new Checks(v, field, persons, on).measure(m);
            }
        }
    }

    /** Checks an execution record reported for a measure: of the measure's own kind, and complete for it. */
    static void execution(Violations v, MeasureExecution e, MeasureKind measureKind, String field, LocalDate today) {
        if (e.kind() != measureKind) {
            v.add(field + ".kind", "the measure is " + measureKind + ": report its execution as that kind");
            return;
        }
        new Checks(v, field, List.of(), today).execution(e);
    }

    /** No field of the kind is given: the measure is described in words only. */
    private static boolean inWordsOnly(Object... kindFields) {
        for (Object f : kindFields) {
            if (f != null && !(f instanceof Collection<?> c && c.isEmpty()) && !Boolean.FALSE.equals(f)) {
                return false;
            }
        }
        return true;
    }

    /** The checks of one measure or execution record, its field errors under {@code field}. */
    private record Checks(Violations v, String field, List<PersonConcerned> persons, LocalDate today) {

        void measure(MeasureRequest m) {
            if (m instanceof TakingEvidence t) {
                takingEvidence(t);
            } else if (m instanceof ExaminingObjectsAndSites e) {
                if (!inWordsOnly(e.location(), e.subject(), e.method(), e.standard(), e.experts())) {
                    text(e.location(), "location");
                    text(e.subject(), "subject");
                    text(e.method(), "method");
                    v.optionalTexts(e.experts(), field + ".experts");
                }
            } else if (m instanceof ProvidingInformationAndEvidence p) {
                if (!inWordsOnly(p.items(), p.expertEvaluation(), p.expertQualifications())) {
                    v.requiredTexts(p.items(), field + ".items");
                    if (Boolean.TRUE.equals(p.expertEvaluation())) {
                        text(p.expertQualifications(), "expertQualifications");
                    }
                }
            } else if (m instanceof ProvidingDocumentsAndRecords d) {
                if (!inWordsOnly(d.holder(), d.identifiers(), d.periodFrom(), d.periodTo(), d.certification())) {
                    text(d.holder(), "holder");
                    v.optionalTexts(d.identifiers(), field + ".identifiers");
                    period(d.periodFrom(), d.periodTo(), "periodFrom", "periodTo");
                    v.required(d.certification(), field + ".certification");
                }
            } else if (m instanceof SpecialInvestigativeTechniques s) {
                if (!inWordsOnly(s.technique(), s.legalAuthorisation(), s.durationDays(), s.resultsHandling())) {
                    text(s.technique(), "technique");
                    text(s.legalAuthorisation(), "legalAuthorisation");
                    if (v.required(s.durationDays(), field + ".durationDays") && s.durationDays() < 1) {
                        v.add(field + ".durationDays", "must be at least 1");
                    }
                    text(s.resultsHandling(), "resultsHandling");
                }
            } else if (m instanceof FacilitatingVoluntaryAppearance a) {
                if (!inWordsOnly(a.person(), a.temporaryTransfer(), a.safeConduct())) {
                    person(a.person(), field + ".person");
                    temporaryTransfer(a.temporaryTransfer(), field + ".temporaryTransfer");
                }
            } else if (m instanceof CrossBorderInvestigations c) {
                if (!inWordsOnly(c.area(), c.from(), c.to(), c.officers(), c.stopConditions())) {
                    text(c.area(), "area");
                    v.required(c.from(), field + ".from");
                    v.required(c.to(), field + ".to");
                    period(c.from(), c.to(), "from", "to");
                    v.requiredTexts(c.officers(), field + ".officers");
                    text(c.stopConditions(), "stopConditions");
                }
            } else if (m instanceof ProtectionOfWitnessesAndVictims p) {
                for (int i = 0; i < p.protections().size(); i++) {
                    protection(p.protections().get(i), field + ".protections[" + i + "]");
                }
            } else if (m instanceof ServiceOfDocuments s) {
                if (!inWordsOnly(s.person(), s.documents())) {
                    person(s.person(), field + ".person");
                    v.requiredTexts(s.documents(), field + ".documents");
                }
            } else if (m instanceof SearchAndSeizure s) {
                if (!inWordsOnly(s.place(), s.sought())) {
                    text(s.place(), "place");
                    v.requiredTexts(s.sought(), field + ".sought");
                }
            } else if (m instanceof FreezingAndConfiscationOfAssets f) {
                if (!inWordsOnly(f.action(), f.assets(), f.holder(), f.orderReference())) {
                    v.required(f.action(), field + ".action");
                    v.requiredTexts(f.assets(), field + ".assets");
                    if (f.action() == MeasureRequest.AssetAction.CONFISCATE) {
                        // confiscation gives effect to a confiscation order of the requesting State's court
                        text(f.orderReference(), "orderReference");
                    }
                }
            } else if (m instanceof IdentifyingOrLocatingPersons p) {
                if (!inWordsOnly(p.person(), p.lastKnownLocation())) {
                    person(p.person(), field + ".person");
                }
            } else if (m instanceof OtherAssistance o) {
                // "any other assistance": reasons, when given, say why it is needed
                if (o.reasons() != null) {
                    text(o.reasons(), "reasons");
                }
            }
        }

        private void takingEvidence(TakingEvidence t) {
            if (inWordsOnly(t.persons(), t.questions(), t.rightsToNotify(), t.interpreterLanguages(), t.videoConference())) {
                return;
            }
            if (t.persons().isEmpty()) {
                v.add(field + ".persons", "name at least one person to hear");
            }
            boolean suspect = false;
            for (int i = 0; i < t.persons().size(); i++) {
                String at = field + ".persons[" + i + "]";
                PersonHeard p = t.persons().get(i);
                if (v.required(p, at)) {
                    person(p.person(), at + ".person");
                    v.required(p.status(), at + ".status");
                    suspect |= p.status() == PersonStatus.SUSPECT;
                }
            }
            v.requiredTexts(t.questions(), field + ".questions");
            v.optionalTexts(t.rightsToNotify(), field + ".rightsToNotify");
            if (suspect && t.rightsToNotify().isEmpty()) {
                v.add(field + ".rightsToNotify", "a suspect is heard: list the rights to notify (e.g. to remain silent, to counsel)");
            }
            for (int i = 0; i < t.interpreterLanguages().size(); i++) {
                String language = t.interpreterLanguages().get(i);
                if (language == null || !LANGUAGE.matcher(language).matches()) {
                    v.add(field + ".interpreterLanguages[" + i + "]", "is not an ISO 639-1 code (two lower-case letters)");
                }
            }
            VideoConference vc = t.videoConference();
            if (vc != null) {
                String at = field + ".videoConference";
                if (vc.proposedDates().isEmpty()) {
                    v.add(at + ".proposedDates", "propose at least one date");
                }
                for (int i = 0; i < vc.proposedDates().size(); i++) {
                    LocalDate date = vc.proposedDates().get(i);
                    if (v.required(date, at + ".proposedDates[" + i + "]") && date.isBefore(today)) {
                        v.add(at + ".proposedDates[" + i + "]", "must not be in the past");
                    }
                }
                v.required(vc.ledBy(), at + ".ledBy");
                v.optionalTexts(vc.officialsPresent(), at + ".officialsPresent");
            }
        }

        private void temporaryTransfer(TemporaryTransfer t, String at) {
            if (t == null) {
                return;
            }
            if (!t.personConsents()) {
                v.add(at + ".personConsents", "a detained person is transferred only with his or her consent");
            }
            v.requiredText(t.agreedTerms(), at + ".agreedTerms");
            v.requiredText(t.custody(), at + ".custody");
            if (v.required(t.returnDate(), at + ".returnDate") && !t.returnDate().isAfter(today)) {
                v.add(at + ".returnDate", "must be after today");
            }
        }

        private void protection(Protection p, String at) {
            if (!v.required(p, at)) {
                return;
            }
            if (person(p.person(), at + ".person") && !persons.get(p.person()).protectedPerson()) {
                v.add(at + ".person", "mark this person concerned protected: protective measures are asked for a protected person (Art. 82)");
            }
            if (p.measures().isEmpty()) {
                v.add(at + ".measures", "name at least one protective measure");
            }
            for (int i = 0; i < p.measures().size(); i++) {
                v.required(p.measures().get(i), at + ".measures[" + i + "]");
            }
            if (p.measures().contains(ProtectiveMeasure.OTHER)) {
                v.requiredText(p.details(), at + ".details");
            }
        }

        /** A position in {@code content.personsConcerned}; returns whether it names one. */
        private boolean person(Integer index, String at) {
            if (!v.required(index, at)) {
                return false;
            }
            if (index < 0 || index >= persons.size() || persons.get(index) == null) {
                v.add(at, "is not a position in content.personsConcerned (" + persons.size() + " given)");
                return false;
            }
            return true;
        }

        private void text(String value, String name) {
            v.requiredText(value, field + "." + name);
        }

        private void period(LocalDate from, LocalDate to, String fromName, String toName) {
            if (from != null && to != null && to.isBefore(from)) {
                v.add(field + "." + toName, "must not be before " + fromName);
            }
        }

        void execution(MeasureExecution e) {
            if (e instanceof MeasureExecution.Hearing h) {
                past(h.heldOn(), "heldOn");
                v.requiredTexts(h.participants(), field + ".participants");
                if (!h.identityChecked()) {
                    v.add(field + ".identityChecked", "the identity of each person heard is checked before the hearing");
                }
                text(h.minutes(), "minutes");
            } else if (e instanceof MeasureExecution.Examination x) {
                past(x.examinedOn(), "examinedOn");
                text(x.findings(), "findings");
            } else if (e instanceof MeasureExecution.InformationProvided x) {
                text(x.summary(), "summary");
            } else if (e instanceof MeasureExecution.DocumentsProvided x) {
                text(x.summary(), "summary");
            } else if (e instanceof MeasureExecution.TechniqueApplied x) {
                past(x.from(), "from");
                period(x.from(), x.to(), "from", "to");
                text(x.resultsSummary(), "resultsSummary");
            } else if (e instanceof MeasureExecution.Appearance x) {
                if (x.appearedOn() == null && x.transferredOn() == null) {
                    v.add(field + ".appearedOn", "give the day the person appeared or was transferred");
                }
                period(x.transferredOn(), x.returnedOn(), "transferredOn", "returnedOn");
                if (x.returnedOn() != null && x.transferredOn() == null) {
                    v.add(field + ".transferredOn", "is required with returnedOn");
                }
            } else if (e instanceof MeasureExecution.Observation x) {
                past(x.from(), "from");
                period(x.from(), x.to(), "from", "to");
                text(x.report(), "report");
            } else if (e instanceof MeasureExecution.ProtectionApplied x) {
                v.required(x.from(), field + ".from");
                text(x.measuresTaken(), "measuresTaken");
            } else if (e instanceof MeasureExecution.Service x) {
                past(x.servedOn(), "servedOn");
                text(x.method(), "method");
            } else if (e instanceof MeasureExecution.Seizure x) {
                past(x.searchedOn(), "searchedOn");
                v.optionalTexts(x.seized(), field + ".seized");
            } else if (e instanceof MeasureExecution.AssetsFrozen x) {
                past(x.orderedOn(), "orderedOn");
                v.requiredTexts(x.assets(), field + ".assets");
            } else if (e instanceof MeasureExecution.PersonLocated x) {
                if (x.found()) {
                    text(x.location(), "location");
                }
            } else if (e instanceof MeasureExecution.OtherOutcome x) {
                text(x.outcome(), "outcome");
            }
        }

        /** A day on which something was done: given, and not after today. */
        private void past(LocalDate date, String name) {
            if (v.required(date, field + "." + name) && date.isAfter(today)) {
                v.add(field + "." + name, "must not be in the future");
            }
        }
    }
}
