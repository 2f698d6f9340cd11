package org.mlaexchange.extradition.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.ArrivalChannel;
import org.mlaexchange.contracts.extradition.Assurance;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.ExtraditionGround;
import org.mlaexchange.contracts.extradition.FormalRequest;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.ProsecutionOutcome;
import org.mlaexchange.contracts.extradition.ProvisionalArrestRequest;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.SurrenderPostponementReason;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.extradition.WeighedFactor;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * What a party (or the system) asks to do with an extradition case. The acting State is passed to
 * {@link ExtraditionDecider#decide} beside the command; which party may take each command is in
 * {@link ExtraditionAction}. Optional values are {@code null}; absent lists may be {@code null} or empty.
 */
public sealed interface ExtraditionCommand {

    ExtraditionAction action();

    /** The requesting State (the actor) asks {@code requestedState} to arrest a person provisionally: opens a case. */
    record RequestProvisionalArrest(UUID caseId, StateCode requestedState, ArrivalChannel channel, ProvisionalArrestRequest request)
            implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_PROVISIONAL_ARREST;
        }
    }

    /** The requesting State (the actor) submits a formal extradition request to {@code requestedState}: opens a case. */
    record SubmitExtraditionRequest(UUID caseId, StateCode requestedState, ArrivalChannel channel, FormalRequest request)
            implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.SUBMIT_REQUEST;
        }
    }

    /** The formal request that follows a request for provisional arrest on this case. */
    record SubmitFormalRequest(ArrivalChannel channel, FormalRequest request) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.SUBMIT_FORMAL_REQUEST;
        }
    }

    record AcknowledgeRequest(String caseReference, ContactPerson contact) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.ACKNOWLEDGE;
        }
    }

    /**
     * @param arrestedAt when the arrest took place (not in the future); the clock counts from its day
     * @param place      optional
     */
    record RecordArrest(Instant arrestedAt, String place) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_ARREST;
        }
    }

    /** @param details required when {@code reason} is OTHER */
    record RecordRelease(Instant releasedAt, ReleaseReason reason, String details) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_RELEASE;
        }
    }

    /** @param dueDate the time limit for the answer (required, in the future) */
    record RequestSupplementaryInformation(List<String> missing, LocalDate dueDate) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_SUPPLEMENTARY_INFORMATION;
        }
    }

    /** @param documents further supporting documents (optional) */
    record ProvideSupplementaryInformation(String information, List<SupportingDocument> documents) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.PROVIDE_SUPPLEMENTARY_INFORMATION;
        }
    }

    /**
     * @param consented whether the person consents to simplified extradition
     * @param note      optional
     */
    record RecordSimplifiedConsent(boolean consented, String note) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_SIMPLIFIED_CONSENT;
        }
    }

    /** @param dueDate optional date by which the assurances are expected */
    record RequestAssurances(List<Assurance> assurances, LocalDate dueDate) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_ASSURANCES;
        }
    }

    /** @param givenBy the authority of the requesting State that gives the assurances */
    record ProvideAssurances(List<Assurance> assurances, String givenBy) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.PROVIDE_ASSURANCES;
        }
    }

    /**
     * @param conditions         optional conditions of the grant
     * @param assurancesReliedOn kinds of assurances provided on this case that the grant relies on (optional)
     */
    record Grant(List<String> conditions, List<AssuranceKind> assurancesReliedOn) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.GRANT;
        }
    }

    record Refuse(List<ExtraditionGround> grounds, String reasons) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REFUSE;
        }
    }

    record SubmitForProsecution(String prosecutingAuthority, String caseReference) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.SUBMIT_FOR_PROSECUTION;
        }
    }

    record ReportProsecutionOutcome(ProsecutionOutcome outcome, String details) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REPORT_PROSECUTION_OUTCOME;
        }
    }

    record ScheduleSurrender(SurrenderArrangements arrangements) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.SCHEDULE_SURRENDER;
        }
    }

    record PostponeSurrender(SurrenderPostponementReason reason, String details) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.POSTPONE_SURRENDER;
        }
    }

    /** @param conditions optional conditions of the temporary surrender */
    record TemporarySurrender(String place, LocalDate returnDate, List<String> conditions) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.TEMPORARY_SURRENDER;
        }
    }

    /** The temporarily surrendered person was returned. {@code note} is optional. */
    record RecordReturn(String note) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_RETURN;
        }
    }

    /** @param note optional */
    record RecordSurrender(String note) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_SURRENDER;
        }
    }

    /** @param note optional */
    record RecordNotTakenOver(String note) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_NOT_TAKEN_OVER;
        }
    }

    /**
     * @param airTransitWithoutLanding no landing planned: the transit State is only notified
     * @param details                  route, means and dates of the transit
     */
    record RequestTransit(StateCode transitState, boolean airTransitWithoutLanding, String details) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_TRANSIT;
        }
    }

    /** By the transit State. {@code reasons} is required for a refusal; {@code conditions} is optional. */
    record DecideTransit(TransitDecision decision, List<String> conditions, String reasons) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.DECIDE_TRANSIT;
        }
    }

    /** @param chosenCaseId this case or one of {@code otherCaseIds} */
    record RecordConcurrentRequests(List<UUID> otherCaseIds, List<WeighedFactor> factors, UUID chosenCaseId, String reasons)
            implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_CONCURRENT_REQUESTS;
        }
    }

    /** @param offences the other offences, committed before the surrender, to proceed for */
    record RequestSpecialityConsent(List<Offence> offences, String purpose) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_SPECIALITY_CONSENT;
        }
    }

    /** @param conditions required if and only if the decision is GRANTED_WITH_CONDITIONS; {@code reasons} required when DENIED */
    record DecideSpecialityConsent(String consentId, ConsentDecision decision, List<String> conditions, String reasons)
            implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.DECIDE_SPECIALITY_CONSENT;
        }
    }

    record RequestReExtraditionConsent(StateCode thirdState, List<Offence> offences, String purpose) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.REQUEST_RE_EXTRADITION_CONSENT;
        }
    }

    /** @param conditions required if and only if the decision is GRANTED_WITH_CONDITIONS; {@code reasons} required when DENIED */
    record DecideReExtraditionConsent(String consentId, ConsentDecision decision, List<String> conditions, String reasons)
            implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.DECIDE_RE_EXTRADITION_CONSENT;
        }
    }

    record Withdraw(String reasons) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.WITHDRAW;
        }
    }

    /** @param note optional */
    record Close(String note) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.CLOSE;
        }
    }

    /**
     * The requesting State, which supplied the case's personal data, erases it on a legal ground once the
     * case has ended: the case's data key is destroyed.
     */
    record ErasePersonalData(ErasureReason reason) implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.ERASE_PERSONAL_DATA;
        }
    }

    /** Scheduled by the system: emit a reminder for each deadline newly overdue. No acting State. */
    record RecordOverdueDeadlines() implements ExtraditionCommand {
        public ExtraditionAction action() {
            return ExtraditionAction.RECORD_OVERDUE_DEADLINES;
        }
    }
}
