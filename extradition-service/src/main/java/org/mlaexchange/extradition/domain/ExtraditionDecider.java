package org.mlaexchange.extradition.domain;

import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.contracts.rules.Violations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.AssuranceKind;
import org.mlaexchange.contracts.extradition.ConcurrencyFactor;
import org.mlaexchange.contracts.extradition.ConsentDecision;
import org.mlaexchange.contracts.extradition.DeadlineKind;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ArrestRecorded;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.AssurancesProvided;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.AssurancesRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.Closed;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ConcurrentRequestsRecorded;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.DeadlineOverdue;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ExtraditionRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.FormalRequestSubmitted;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.Granted;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.NotTakenOver;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.PersonReturned;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.PersonalDataErased;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ProsecutionOutcomeReported;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ProvisionalArrestRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ReExtraditionConsentDecided;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ReExtraditionConsentRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.Refused;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.ReleaseRecorded;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.RequestAcknowledged;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SimplifiedConsentRecorded;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SpecialityConsentDecided;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SpecialityConsentRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SubmittedForProsecution;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SupplementaryInformationProvided;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SupplementaryInformationRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SurrenderPostponed;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.SurrenderScheduled;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.Surrendered;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.TemporarilySurrendered;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.TransitDecided;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.TransitRequested;
import org.mlaexchange.contracts.extradition.ExtraditionEvent.Withdrawn;
import org.mlaexchange.contracts.extradition.ExtraditionGround;
import org.mlaexchange.contracts.extradition.ExtraditionFacts;
import org.mlaexchange.contracts.extradition.ExtraditionStatus;
import org.mlaexchange.contracts.extradition.Offence;
import org.mlaexchange.contracts.extradition.ReleaseReason;
import org.mlaexchange.contracts.extradition.SurrenderArrangements;
import org.mlaexchange.contracts.extradition.TransitDecision;
import org.mlaexchange.contracts.extradition.WeighedFactor;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;
import org.mlaexchange.extradition.domain.ExtraditionCase.Acknowledgement;
import org.mlaexchange.extradition.domain.ExtraditionCase.Arrest;
import org.mlaexchange.extradition.domain.ExtraditionCase.AssurancesGiven;
import org.mlaexchange.extradition.domain.ExtraditionCase.AssurancesRequest;
import org.mlaexchange.extradition.domain.ExtraditionCase.ConcurrentRequests;
import org.mlaexchange.extradition.domain.ExtraditionCase.Consent;
import org.mlaexchange.extradition.domain.ExtraditionCase.FormalRequestSubmission;
import org.mlaexchange.extradition.domain.ExtraditionCase.Grant;
import org.mlaexchange.extradition.domain.ExtraditionCase.Postponement;
import org.mlaexchange.extradition.domain.ExtraditionCase.Prosecution;
import org.mlaexchange.extradition.domain.ExtraditionCase.ProvisionalArrest;
import org.mlaexchange.extradition.domain.ExtraditionCase.Refusal;
import org.mlaexchange.extradition.domain.ExtraditionCase.Release;
import org.mlaexchange.extradition.domain.ExtraditionCase.SimplifiedConsent;
import org.mlaexchange.extradition.domain.ExtraditionCase.Surrender;
import org.mlaexchange.extradition.domain.ExtraditionCase.SupplementaryInformationRequest;
import org.mlaexchange.extradition.domain.ExtraditionCase.TemporarySurrender;
import org.mlaexchange.extradition.domain.ExtraditionCase.Transit;
import org.mlaexchange.extradition.domain.ExtraditionCase.Withdrawal;

/**
 * The state machine of an extradition case: {@link #decide} turns a command into events (or a
 * {@link DomainException}), {@link #evolve} applies one event to the state, {@link #fold} rebuilds the
 * state from the history. Who may act from which status is in {@link ExtraditionAction}; the rules
 * that depend on the rest of the case are here. Pure: all times come from the caller ({@code now}) or
 * from the events, and every due date is computed here and carried by an event.
 */
public final class ExtraditionDecider {

    static final String SPECIALITY_CONSENT_PREFIX = "speciality-";
    static final String RE_EXTRADITION_CONSENT_PREFIX = "re-extradition-";

    private final ReferenceData referenceData;
    private final ExtraditionPolicy policy;
    private final ContentRules contentRules;

    public ExtraditionDecider(ReferenceData referenceData, ExtraditionPolicy policy) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.contentRules = new ContentRules(referenceData);
    }

    /**
     * Decides what happens when {@code actor} takes {@code command} on a case.
     *
     * @param state the current state; {@code null} only for the commands that open a case
     * @param actor the acting State (for the opening commands, the requesting State); {@code null} for system commands
     * @param now   the moment of the decision; every time in the events comes from it
     * @return the events to append (none when a system command finds nothing to do)
     * @throws DomainException.NotAParty           the acting State is not a party to the case
     * @throws DomainException.WrongParty          the action belongs to another party (or to the system)
     * @throws DomainException.TransitionForbidden the action is not allowed in the current status or situation
     * @throws DomainException.InvalidCommand      the command breaks content rules (all violations listed)
     * @throws IllegalArgumentException            a command other than an opening one without a state
     */
    public List<ExtraditionEvent> decide(ExtraditionCase state, ExtraditionCommand command, StateCode actor, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (command.action().opensCase()) {
            if (state != null) {
                throw new TransitionForbidden(state.status(), command.action(), "the case already exists");
            }
            Objects.requireNonNull(actor, "actor");
            if (command instanceof ExtraditionCommand.RequestProvisionalArrest c) {
                return List.of(requestProvisionalArrest(c, actor, now));
            }
            return List.of(submitExtraditionRequest((ExtraditionCommand.SubmitExtraditionRequest) command, actor, now));
        }
        if (state == null) {
            throw new IllegalArgumentException("no case: '" + command.action().pathSegment() + "' needs an existing case");
        }
        authorize(state, command.action(), actor);
        LocalDate today = today(now);
        UUID id = state.id();
        if (command instanceof ExtraditionCommand.SubmitFormalRequest c) {
            return List.of(submitFormalRequest(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.AcknowledgeRequest c) {
            Violations v = new Violations();
            v.requiredText(c.caseReference(), "caseReference");
            ContentRules.contact(v, c.contact(), "contact");
            v.throwIfAny();
            return List.of(new RequestAcknowledged(id, c.caseReference(), c.contact(), now));
        } else if (command instanceof ExtraditionCommand.RecordArrest c) {
            return List.of(recordArrest(state, c, now));
        } else if (command instanceof ExtraditionCommand.RecordRelease c) {
            return List.of(recordRelease(state, c, now));
        } else if (command instanceof ExtraditionCommand.RequestSupplementaryInformation c) {
            Violations v = new Violations();
            v.requiredTexts(c.missing(), "missing");
            futureDate(v, c.dueDate(), "dueDate", true, today);
            v.throwIfAny();
            return List.of(new SupplementaryInformationRequested(id, c.missing(), c.dueDate(), now));
        } else if (command instanceof ExtraditionCommand.ProvideSupplementaryInformation c) {
            Violations v = new Violations();
            v.requiredText(c.information(), "information");
            ContentRules.documents(v, c.documents(), "documents");
            v.throwIfAny();
            return List.of(new SupplementaryInformationProvided(id, c.information(), c.documents(), now));
        } else if (command instanceof ExtraditionCommand.RecordSimplifiedConsent c) {
            return List.of(new SimplifiedConsentRecorded(id, c.consented(), c.note(), now));
        } else if (command instanceof ExtraditionCommand.RequestAssurances c) {
            Violations v = new Violations();
            ContentRules.assurances(v, c.assurances(), "assurances");
            futureDate(v, c.dueDate(), "dueDate", false, today);
            v.throwIfAny();
            return List.of(new AssurancesRequested(id, c.assurances(), c.dueDate(), now));
        } else if (command instanceof ExtraditionCommand.ProvideAssurances c) {
            Violations v = new Violations();
            ContentRules.assurances(v, c.assurances(), "assurances");
            v.requiredText(c.givenBy(), "givenBy");
            v.throwIfAny();
            return List.of(new AssurancesProvided(id, c.assurances(), c.givenBy(), now));
        } else if (command instanceof ExtraditionCommand.Grant c) {
            return List.of(grant(state, c, now));
        } else if (command instanceof ExtraditionCommand.Refuse c) {
            return List.of(refuse(state, c, now));
        } else if (command instanceof ExtraditionCommand.SubmitForProsecution c) {
            return List.of(submitForProsecution(state, c, now));
        } else if (command instanceof ExtraditionCommand.ReportProsecutionOutcome c) {
            Violations v = new Violations();
            v.required(c.outcome(), "outcome");
            v.requiredText(c.details(), "details");
            v.throwIfAny();
            return List.of(new ProsecutionOutcomeReported(id, c.outcome(), c.details(), now));
        } else if (command instanceof ExtraditionCommand.ScheduleSurrender c) {
            return List.of(scheduleSurrender(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.PostponeSurrender c) {
            Violations v = new Violations();
            v.required(c.reason(), "reason");
            v.requiredText(c.details(), "details");
            v.throwIfAny();
            return List.of(new SurrenderPostponed(id, c.reason(), c.details(), now));
        } else if (command instanceof ExtraditionCommand.TemporarySurrender c) {
            Violations v = new Violations();
            v.requiredText(c.place(), "place");
            futureDate(v, c.returnDate(), "returnDate", true, today);
            v.optionalTexts(c.conditions(), "conditions");
            v.throwIfAny();
            return List.of(new TemporarilySurrendered(id, c.place(), c.returnDate(), c.conditions(), now));
        } else if (command instanceof ExtraditionCommand.RecordReturn c) {
            return List.of(new PersonReturned(id, c.note(), now));
        } else if (command instanceof ExtraditionCommand.RecordSurrender c) {
            String place = state.status() == ExtraditionStatus.TEMPORARILY_SURRENDERED
                    ? state.currentTemporarySurrender().map(TemporarySurrender::place).orElse(null)
                    : state.surrenderArrangements().place();
            return List.of(new Surrendered(id, place, c.note(), now));
        } else if (command instanceof ExtraditionCommand.RecordNotTakenOver c) {
            return List.of(recordNotTakenOver(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.RequestTransit c) {
            return List.of(requestTransit(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.DecideTransit c) {
            return List.of(decideTransit(state, c, actor, now));
        } else if (command instanceof ExtraditionCommand.RecordConcurrentRequests c) {
            return List.of(recordConcurrentRequests(state, c, now));
        } else if (command instanceof ExtraditionCommand.RequestSpecialityConsent c) {
            return List.of(requestSpecialityConsent(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.DecideSpecialityConsent c) {
            checkConsentDecision(state, state.specialityConsents(), c.consentId(), c.decision(), c.conditions(), c.reasons(),
                    ExtraditionAction.DECIDE_SPECIALITY_CONSENT);
            return List.of(new SpecialityConsentDecided(id, c.consentId(), c.decision(), c.conditions(), c.reasons(), now));
        } else if (command instanceof ExtraditionCommand.RequestReExtraditionConsent c) {
            return List.of(requestReExtraditionConsent(state, c, today, now));
        } else if (command instanceof ExtraditionCommand.DecideReExtraditionConsent c) {
            checkConsentDecision(state, state.reExtraditionConsents(), c.consentId(), c.decision(), c.conditions(), c.reasons(),
                    ExtraditionAction.DECIDE_RE_EXTRADITION_CONSENT);
            return List.of(new ReExtraditionConsentDecided(id, c.consentId(), c.decision(), c.conditions(), c.reasons(), now));
        } else if (command instanceof ExtraditionCommand.Withdraw c) {
            Violations v = new Violations();
            v.requiredText(c.reasons(), "reasons");
            v.throwIfAny();
            return List.of(new Withdrawn(id, c.reasons(), now));
        } else if (command instanceof ExtraditionCommand.Close c) {
            return List.of(close(state, c, now));
        } else if (command instanceof ExtraditionCommand.ErasePersonalData c) {
            Violations v = new Violations();
            v.required(c.reason(), "reason");
            v.throwIfAny();
            return List.of(new PersonalDataErased(id, actor, c.reason(), now));
        } else if (command instanceof ExtraditionCommand.RecordOverdueDeadlines) {
            return recordOverdueDeadlines(state, now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /**
     * Party first (a non-party, including a transit State whose involvement ended, must not learn the
     * status), then the table of {@link ExtraditionAction}.
     */
    private static void authorize(ExtraditionCase state, ExtraditionAction action, StateCode actor) {
        if (actor != null && !state.isParty(actor)) {
            throw new NotAParty(actor, "extradition case", state.id());
        }
        switch (action.by()) {
            case SYSTEM -> {
                if (actor != null) {
                    throw new WrongParty(actor, action);
                }
            }
            case TRANSIT -> {
                Objects.requireNonNull(actor, "actor");
                if (state.activeTransit(actor).isEmpty()) {
                    throw new WrongParty(actor, action);
                }
            }
            case REQUESTING, REQUESTED -> {
                if (actor == null && action == ExtraditionAction.ERASE_PERSONAL_DATA) {
                    break; // no actor: the Exchange's retention rule erases (platform RetentionRule), from the same statuses
                }
                Objects.requireNonNull(actor, "actor");
                if (!actor.equals(state.stateOf(action.by()))) {
                    throw new WrongParty(actor, action);
                }
            }
        }
        if (!action.isAllowedFrom(state.status())) {
            throw new TransitionForbidden(state.status(), action);
        }
        if (!action.isAllowedOn(state)) {
            throw new TransitionForbidden(state.status(), action, "the case's personal data was erased; it takes no more actions");
        }
    }

    // ---- opening a case -----------------------------------------------------------------------

    private ProvisionalArrestRequested requestProvisionalArrest(ExtraditionCommand.RequestProvisionalArrest c, StateCode requesting,
                                                                Instant now) {
        LocalDate today = today(now);
        Violations v = new Violations();
        StateCode requested = parties(v, c.caseId(), requesting, c.requestedState(), today);
        contentRules.channel(v, c.channel(), requested, c.request() == null ? null : c.request().person());
        contentRules.provisionalArrest(v, c.request(), requesting, requested, today);
        v.throwIfAny();
        return new ProvisionalArrestRequested(c.caseId(), requesting, requested, c.channel(), c.request(), now);
    }

    private ExtraditionRequested submitExtraditionRequest(ExtraditionCommand.SubmitExtraditionRequest c, StateCode requesting,
                                                          Instant now) {
        LocalDate today = today(now);
        Violations v = new Violations();
        StateCode requested = parties(v, c.caseId(), requesting, c.requestedState(), today);
        contentRules.channel(v, c.channel(), requested, c.request() == null ? null : c.request().person());
        contentRules.formalRequest(v, c.request(), requesting, requested, today);
        v.throwIfAny();
        return new ExtraditionRequested(c.caseId(), requesting, requested, c.channel(), c.request(), now);
    }

    /** Checks the case id and the two States; returns the requested State, or {@code null} if it is not usable. */
    private StateCode parties(Violations v, UUID caseId, StateCode requesting, StateCode requested, LocalDate today) {
        v.required(caseId, "caseId");
        // the legal basis is the Convention in force between the two States on the day the case is opened
        referenceData.notStatePartyReason(requesting, today).ifPresent(reason -> v.add("requestingState", reason));
        if (!v.required(requested, "requestedState")) {
            return null;
        }
        if (requested.equals(requesting)) {
            v.add("requestedState", "must differ from the requesting State");
            return null;
        }
        if (referenceData.notStatePartyReason(requested, today).isPresent()) {
            v.add("requestedState", referenceData.notStatePartyReason(requested, today).get());
            return null;
        }
        return requested;
    }

    // ---- the request and custody --------------------------------------------------------------

    private FormalRequestSubmitted submitFormalRequest(ExtraditionCase state, ExtraditionCommand.SubmitFormalRequest c,
                                                       LocalDate today, Instant now) {
        Violations v = new Violations();
        contentRules.channel(v, c.channel(), state.requestedState(), c.request() == null ? null : c.request().person());
        contentRules.formalRequest(v, c.request(), state.requestingState(), state.requestedState(), today);
        v.throwIfAny();
        return new FormalRequestSubmitted(state.id(), c.channel(), c.request(), now);
    }

    /**
     * An arrest on a request for provisional arrest starts the clock (provisional arrest, model ECE 16):
     * the formal request is due within the policy's periods, counted in days from the day of the arrest,
     * and so is the notice on simplified extradition. A later arrest (re-arrest once the formal request
     * arrived) starts no clock.
     */
    private ArrestRecorded recordArrest(ExtraditionCase state, ExtraditionCommand.RecordArrest c, Instant now) {
        if (state.inCustody()) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.RECORD_ARREST, "the person is already in custody");
        }
        Violations v = new Violations();
        if (v.required(c.arrestedAt(), "arrestedAt") && c.arrestedAt().isAfter(now)) {
            v.add("arrestedAt", "must not be in the future");
        }
        v.throwIfAny();
        LocalDate releasePossible = null;
        LocalDate releaseCompulsory = null;
        LocalDate consentNotice = null;
        if (state.status() == ExtraditionStatus.PROVISIONAL_ARREST_REQUESTED) {
            ExtraditionPolicy.Periods periods = policy.periodsFor(state.requestingState(), state.requestedState());
            LocalDate arrestDay = today(c.arrestedAt());
            releasePossible = arrestDay.plus(periods.releasePossible());
            releaseCompulsory = arrestDay.plus(periods.releaseCompulsory());
            consentNotice = arrestDay.plus(periods.simplifiedConsentNotice());
        }
        return new ArrestRecorded(state.id(), c.arrestedAt(), c.place(), releasePossible, releaseCompulsory, consentNotice, now);
    }

    private static ReleaseRecorded recordRelease(ExtraditionCase state, ExtraditionCommand.RecordRelease c, Instant now) {
        if (!state.inCustody()) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.RECORD_RELEASE, "the person is not in custody");
        }
        Violations v = new Violations();
        if (v.required(c.releasedAt(), "releasedAt")) {
            Instant arrestedAt = state.arrests().isEmpty() ? null : state.arrests().get(state.arrests().size() - 1).arrestedAt();
            if (c.releasedAt().isAfter(now)) {
                v.add("releasedAt", "must not be in the future");
            } else if (arrestedAt != null && c.releasedAt().isBefore(arrestedAt)) {
                v.add("releasedAt", "must not be before the arrest (" + arrestedAt + ")");
            }
        }
        if (v.required(c.reason(), "reason") && c.reason() == ReleaseReason.OTHER) {
            v.requiredText(c.details(), "details");
        }
        v.throwIfAny();
        return new ReleaseRecorded(state.id(), c.releasedAt(), c.reason(), c.details(), now);
    }

    // ---- decision -----------------------------------------------------------------------------

    /** A grant may rely only on assurances actually given on this case. */
    private static Granted grant(ExtraditionCase state, ExtraditionCommand.Grant c, Instant now) {
        Violations v = new Violations();
        v.optionalTexts(c.conditions(), "conditions");
        List<AssuranceKind> relied = c.assurancesReliedOn() == null ? List.of() : c.assurancesReliedOn();
        for (int i = 0; i < relied.size(); i++) {
            String field = "assurancesReliedOn[" + i + "]";
            if (v.required(relied.get(i), field) && !state.assuranceGiven(relied.get(i))) {
                v.add(field, "no assurance on " + relied.get(i) + " was given on this case");
            }
        }
        v.throwIfAny();
        boolean simplified = state.status() == ExtraditionStatus.CONSENT_TO_SIMPLIFIED_EXTRADITION;
        return new Granted(state.id(), c.conditions(), List.copyOf(new LinkedHashSet<>(relied)), simplified, now);
    }

    /**
     * A refusal names at least one ground from the closed list and gives written reasons. The death
     * penalty is a ground only where no assurances on it were given.
     */
    private static Refused refuse(ExtraditionCase state, ExtraditionCommand.Refuse c, Instant now) {
        Violations v = new Violations();
        List<ExtraditionGround> grounds = c.grounds() == null ? List.of() : c.grounds();
        if (grounds.isEmpty()) {
            v.add("grounds", "at least one ground for refusal is required");
        }
        for (int i = 0; i < grounds.size(); i++) {
            String field = "grounds[" + i + "]";
            if (v.required(grounds.get(i), field) && grounds.get(i) == ExtraditionGround.DEATH_PENALTY
                    && state.assuranceGiven(AssuranceKind.DEATH_PENALTY)) {
                v.add(field, "DEATH_PENALTY is a ground only without assurances, and assurances on the death penalty were given");
            }
        }
        v.requiredText(c.reasons(), "reasons");
        v.throwIfAny();
        return new Refused(state.id(), List.copyOf(new LinkedHashSet<>(grounds)), c.reasons(), now);
    }

    /**
     * Aut dedere aut judicare: the requested State that does not extradite submits the case to its own
     * prosecutors; not where the person was already finally judged for the conduct.
     */
    private static SubmittedForProsecution submitForProsecution(ExtraditionCase state, ExtraditionCommand.SubmitForProsecution c,
                                                                Instant now) {
        if (state.refusal().grounds().contains(ExtraditionGround.NE_BIS_IN_IDEM)) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.SUBMIT_FOR_PROSECUTION,
                    "the refusal was on NE_BIS_IN_IDEM: the person was already finally judged for the conduct");
        }
        Violations v = new Violations();
        v.requiredText(c.prosecutingAuthority(), "prosecutingAuthority");
        v.requiredText(c.caseReference(), "caseReference");
        v.throwIfAny();
        return new SubmittedForProsecution(state.id(), c.prosecutingAuthority(), c.caseReference(), now);
    }

    // ---- surrender ----------------------------------------------------------------------------

    private static SurrenderScheduled scheduleSurrender(ExtraditionCase state, ExtraditionCommand.ScheduleSurrender c,
                                                        LocalDate today, Instant now) {
        Violations v = new Violations();
        SurrenderArrangements a = c.arrangements();
        if (v.required(a, "arrangements")) {
            v.requiredText(a.place(), "arrangements.place");
            if (v.required(a.date(), "arrangements.date") && a.date().isBefore(today)) {
                v.add("arrangements.date", "must not be in the past");
            }
        }
        v.throwIfAny();
        return new SurrenderScheduled(state.id(), a, now);
    }

    /** The person not taken over on the agreed date is released (model ECE 18): only once that date has passed. */
    private static NotTakenOver recordNotTakenOver(ExtraditionCase state, ExtraditionCommand.RecordNotTakenOver c,
                                                   LocalDate today, Instant now) {
        LocalDate agreed = state.surrenderArrangements().date();
        if (!today.isAfter(agreed)) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.RECORD_NOT_TAKEN_OVER,
                    "the person can be released as not taken over only after the agreed date " + agreed);
        }
        return new NotTakenOver(state.id(), agreed, c.note(), now);
    }

    // ---- transit ------------------------------------------------------------------------------

    /** The requesting State names a third State; that State becomes a party while its involvement is active. */
    private TransitRequested requestTransit(ExtraditionCase state, ExtraditionCommand.RequestTransit c, LocalDate today, Instant now) {
        Violations v = new Violations();
        StateCode transit = c.transitState();
        if (v.required(transit, "transitState")) {
            if (transit.equals(state.requestingState()) || transit.equals(state.requestedState())) {
                v.add("transitState", "must be a third State, not a party to the case");
            } else if (referenceData.notStatePartyReason(transit, today).isPresent()) {
                v.add("transitState", referenceData.notStatePartyReason(transit, today).get());
            } else if (state.activeTransit(transit).isPresent()) {
                v.add("transitState", "a transit through " + transit + " is already in progress");
            }
        }
        v.requiredText(c.details(), "details");
        v.throwIfAny();
        return new TransitRequested(state.id(), transit, c.airTransitWithoutLanding(), c.details(), now);
    }

    /** Air transit without a planned landing needs only notification (model ECE 21): there is nothing to decide. */
    private static TransitDecided decideTransit(ExtraditionCase state, ExtraditionCommand.DecideTransit c, StateCode actor, Instant now) {
        Transit transit = state.activeTransit(actor).orElseThrow();
        if (transit.airTransitWithoutLanding()) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.DECIDE_TRANSIT,
                    "air transit without a planned landing needs only notification, no decision");
        }
        if (transit.decision() != null) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.DECIDE_TRANSIT,
                    "the transit through " + actor + " is already " + transit.decision());
        }
        Violations v = new Violations();
        v.optionalTexts(c.conditions(), "conditions");
        if (v.required(c.decision(), "decision") && c.decision() == TransitDecision.REFUSED) {
            v.requiredText(c.reasons(), "reasons");
            if (c.conditions() != null && !c.conditions().isEmpty()) {
                v.add("conditions", "only an authorisation has conditions");
            }
        }
        v.throwIfAny();
        return new TransitDecided(state.id(), actor, c.decision(), c.conditions(), c.reasons(), now);
    }

    // ---- concurrent requests ------------------------------------------------------------------

    /** Several States ask for the same person (model ECE 17): the other cases, the factors weighed and the choice. */
    private static ConcurrentRequestsRecorded recordConcurrentRequests(ExtraditionCase state,
                                                                       ExtraditionCommand.RecordConcurrentRequests c, Instant now) {
        Violations v = new Violations();
        List<UUID> others = c.otherCaseIds() == null ? List.of() : c.otherCaseIds();
        if (others.isEmpty()) {
            v.add("otherCaseIds", "at least one other case is required");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < others.size(); i++) {
            String field = "otherCaseIds[" + i + "]";
            UUID other = others.get(i);
            if (!v.required(other, field)) {
                continue;
            }
            if (other.equals(state.id())) {
                v.add(field, "is this case");
            } else if (!seen.add(other)) {
                v.add(field, "case " + other + " is listed twice");
            }
        }
        List<WeighedFactor> factors = c.factors() == null ? List.of() : c.factors();
        if (factors.isEmpty()) {
            v.add("factors", "at least one factor weighed is required");
        }
        Set<ConcurrencyFactor> weighed = EnumSet.noneOf(ConcurrencyFactor.class);
        for (int i = 0; i < factors.size(); i++) {
            String field = "factors[" + i + "]";
            WeighedFactor f = factors.get(i);
            if (!v.required(f, field)) {
                continue;
            }
            if (v.required(f.factor(), field + ".factor") && !weighed.add(f.factor())) {
                v.add(field + ".factor", f.factor() + " is listed twice");
            }
            v.requiredText(f.assessment(), field + ".assessment");
        }
        if (v.required(c.chosenCaseId(), "chosenCaseId") && !c.chosenCaseId().equals(state.id()) && !seen.contains(c.chosenCaseId())) {
            v.add("chosenCaseId", "must be this case or one of otherCaseIds");
        }
        v.requiredText(c.reasons(), "reasons");
        v.throwIfAny();
        return new ConcurrentRequestsRecorded(state.id(), others, factors, c.chosenCaseId(), c.reasons(), now);
    }

    // ---- consents after surrender -------------------------------------------------------------

    /** Rule of speciality (model ECE 14): consent is needed only for offences committed before the surrender. */
    private SpecialityConsentRequested requestSpecialityConsent(ExtraditionCase state, ExtraditionCommand.RequestSpecialityConsent c,
                                                                LocalDate today, Instant now) {
        Violations v = new Violations();
        contentRules.offences(v, c.offences(), "offences", List.of(state.requestingState(), state.requestedState()), today);
        LocalDate surrenderDay = surrenderDay(state);
        List<Offence> offences = c.offences() == null ? List.of() : c.offences();
        for (int i = 0; i < offences.size(); i++) {
            Offence o = offences.get(i);
            if (o != null && o.committedFrom() != null && !o.committedFrom().isBefore(surrenderDay)) {
                v.add("offences[" + i + "].committedFrom", "the rule of speciality covers offences committed before the surrender ("
                        + surrenderDay + "); no consent is needed for this one");
            }
        }
        v.requiredText(c.purpose(), "purpose");
        v.throwIfAny();
        String consentId = SPECIALITY_CONSENT_PREFIX + (state.specialityConsents().size() + 1);
        return new SpecialityConsentRequested(state.id(), consentId, offences, c.purpose(), now);
    }

    /** Re-extradition to a third State needs the surrendering State's consent too (rule of speciality, model ECE 14). */
    private ReExtraditionConsentRequested requestReExtraditionConsent(ExtraditionCase state,
                                                                      ExtraditionCommand.RequestReExtraditionConsent c,
                                                                      LocalDate today, Instant now) {
        Violations v = new Violations();
        StateCode third = c.thirdState();
        if (v.required(third, "thirdState") && (third.equals(state.requestingState()) || third.equals(state.requestedState()))) {
            v.add("thirdState", "must be a third State, not a party to the case");
        }
        contentRules.offences(v, c.offences(), "offences", List.of(), today);
        v.requiredText(c.purpose(), "purpose");
        v.throwIfAny();
        String consentId = RE_EXTRADITION_CONSENT_PREFIX + (state.reExtraditionConsents().size() + 1);
        return new ReExtraditionConsentRequested(state.id(), consentId, third, c.offences(), c.purpose(), now);
    }

    /** A decision names a pending consent request; conditions only with GRANTED_WITH_CONDITIONS, reasons for a denial. */
    private static void checkConsentDecision(ExtraditionCase state, List<Consent> consents, String consentId, ConsentDecision decision,
                                             List<String> conditions, String reasons, ExtraditionAction action) {
        if (consents.stream().noneMatch(Consent::pending)) {
            throw new TransitionForbidden(state.status(), action, "no consent request is awaiting a decision");
        }
        Violations v = new Violations();
        if (v.requiredText(consentId, "consentId")) {
            Optional<Consent> consent = consents.stream().filter(c -> c.id().equals(consentId)).findFirst();
            if (consent.isEmpty()) {
                v.add("consentId", "no consent request " + consentId + " of this kind on this case");
            } else if (!consent.get().pending()) {
                v.add("consentId", "consent request " + consentId + " is already decided (" + consent.get().decision() + ")");
            }
        }
        if (v.required(decision, "decision")) {
            if (decision == ConsentDecision.GRANTED_WITH_CONDITIONS) {
                v.requiredTexts(conditions, "conditions");
            } else if (conditions != null && !conditions.isEmpty()) {
                v.add("conditions", "only a consent granted with conditions has conditions");
            }
            if (decision == ConsentDecision.DENIED) {
                v.requiredText(reasons, "reasons");
            }
        }
        v.throwIfAny();
    }

    /** The day the person was surrendered: finally, or else temporarily (the latest time). */
    private static LocalDate surrenderDay(ExtraditionCase state) {
        if (state.surrender() != null) {
            return today(state.surrender().surrenderedAt());
        }
        List<TemporarySurrender> temporary = state.temporarySurrenders();
        return today(temporary.get(temporary.size() - 1).surrenderedAt());
    }

    // ---- end of the case ----------------------------------------------------------------------

    /**
     * The requesting State closes a case it has nothing more to ask in. Not while a consent awaits a
     * decision, nor after a refusal on NATIONALITY before the case went to the requested State's own
     * prosecutors (aut dedere aut judicare).
     */
    private static Closed close(ExtraditionCase state, ExtraditionCommand.Close c, Instant now) {
        if (state.status() == ExtraditionStatus.REFUSED && state.refusal().grounds().contains(ExtraditionGround.NATIONALITY)) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.CLOSE, "a refusal on NATIONALITY obliges the requested"
                    + " State to submit the case to its own prosecutors first (aut dedere aut judicare)");
        }
        if (state.anyConsentPending()) {
            throw new TransitionForbidden(state.status(), ExtraditionAction.CLOSE, "a consent request is awaiting a decision");
        }
        return new Closed(state.id(), c.note(), now);
    }

    /** Overdue is evented, never silent; each deadline is reminded at most once for its current due date. */
    private static List<ExtraditionEvent> recordOverdueDeadlines(ExtraditionCase state, Instant now) {
        List<ExtraditionEvent> events = new ArrayList<>();
        for (DeadlineKind kind : state.overdueAt(now)) {
            if (!state.remindedDeadlines().contains(kind)) {
                events.add(new DeadlineOverdue(state.id(), kind, state.dueDate(kind), state.owedBy(kind), now));
            }
        }
        return events;
    }

    /** A date that must be after today; {@code required} says whether it may be absent. */
    private static void futureDate(Violations v, LocalDate date, String field, boolean required, LocalDate today) {
        if (date == null) {
            if (required) {
                v.add(field, "is required");
            }
        } else if (!date.isAfter(today)) {
            v.add(field, "must be in the future");
        }
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ExtraditionCase.DEADLINE_ZONE);
    }

    // ---- evolve -------------------------------------------------------------------------------

    /**
     * The state after one event. Pure and deterministic: everything comes from the state and the
     * event, so replaying a history always gives the same state.
     *
     * @param state {@code null} before the event that opens the case
     * @throws IllegalArgumentException the event does not belong to this case or comes out of order
     */
    public static ExtraditionCase evolve(ExtraditionCase state, ExtraditionEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof ProvisionalArrestRequested || event instanceof ExtraditionRequested) {
            if (state != null) {
                throw new IllegalArgumentException("extradition case " + state.id() + " is already open");
            }
            return opened(event);
        }
        if (state == null) {
            throw new IllegalArgumentException("the history of an extradition case starts with ProvisionalArrestRequested or"
                    + " ExtraditionRequested, not " + event.getClass().getSimpleName());
        }
        if (!state.id().equals(event.caseId())) {
            throw new IllegalArgumentException("event of case " + event.caseId() + " applied to case " + state.id());
        }
        ExtraditionCase.Builder next = state.toBuilder();
        next.version = state.version() + 1;
        next.status = ExtraditionFacts.statusAfter(state.status(), event);
        if (event instanceof FormalRequestSubmitted e) {
            next.formalRequest = new FormalRequestSubmission(e.channel(), e.request(), e.submittedAt());
        } else if (event instanceof RequestAcknowledged e) {
            next.acknowledgement = new Acknowledgement(e.caseReference(), e.contact(), e.acknowledgedAt());
        } else if (event instanceof ArrestRecorded e) {
            arrested(next, e);
        } else if (event instanceof ReleaseRecorded e) {
            next.inCustody = false;
            next.releases.add(new Release(e.releasedAt(), e.reason(), e.details(), e.recordedAt()));
        } else if (event instanceof SupplementaryInformationRequested e) {
            next.supplementaryInformation.add(new SupplementaryInformationRequest(e.missing(), e.dueDate(), e.requestedAt(),
                    null, List.of(), null));
            next.remindedDeadlines.remove(DeadlineKind.SUPPLEMENTARY_INFORMATION);
        } else if (event instanceof SupplementaryInformationProvided e) {
            replaceLast(next.supplementaryInformation, s -> new SupplementaryInformationRequest(s.missing(), s.dueDate(),
                    s.requestedAt(), e.information(), e.documents(), e.providedAt()));
        } else if (event instanceof SimplifiedConsentRecorded e) {
            next.simplifiedConsent = new SimplifiedConsent(e.consented(), e.note(), e.recordedAt());
        } else if (event instanceof AssurancesRequested e) {
            next.assuranceRequests.add(new AssurancesRequest(e.assurances(), e.dueDate(), e.requestedAt()));
        } else if (event instanceof AssurancesProvided e) {
            next.assurancesGiven.add(new AssurancesGiven(e.assurances(), e.givenBy(), e.providedAt()));
        } else if (event instanceof Granted e) {
            next.grant = new Grant(e.conditions(), e.assurancesReliedOn(), e.simplified(), e.grantedAt());
        } else if (event instanceof Refused e) {
            next.refusal = new Refusal(e.grounds(), e.reasons(), e.refusedAt());
            next.inCustody = false; // detention for extradition ends with the refusal
        } else if (event instanceof SubmittedForProsecution e) {
            next.prosecution = new Prosecution(e.prosecutingAuthority(), e.caseReference(), e.submittedAt(), null, null, null);
        } else if (event instanceof ProsecutionOutcomeReported e) {
            Prosecution p = next.prosecution;
            next.prosecution = new Prosecution(p.prosecutingAuthority(), p.caseReference(), p.submittedAt(), e.outcome(),
                    e.details(), e.reportedAt());
        } else if (event instanceof SurrenderScheduled e) {
            next.surrenderArrangements = e.arrangements();
            next.remindedDeadlines.remove(DeadlineKind.SURRENDER_TAKEOVER);
        } else if (event instanceof SurrenderPostponed e) {
            next.surrenderArrangements = null; // the agreed date no longer holds
            next.postponements.add(new Postponement(e.reason(), e.details(), e.postponedAt()));
        } else if (event instanceof TemporarilySurrendered e) {
            next.surrenderArrangements = null;
            next.temporarySurrenders.add(new TemporarySurrender(e.place(), e.returnDate(), e.conditions(), e.surrenderedAt(), null, null));
            next.remindedDeadlines.remove(DeadlineKind.TEMPORARY_SURRENDER_RETURN);
            next.inCustody = false;
            endTransits(next);
        } else if (event instanceof PersonReturned e) {
            replaceLast(next.temporarySurrenders, t -> new TemporarySurrender(t.place(), t.returnDate(), t.conditions(),
                    t.surrenderedAt(), e.note(), e.returnedAt()));
            next.inCustody = true; // back in the requested State's custody until the final surrender
        } else if (event instanceof Surrendered e) {
            next.surrender = new Surrender(e.place(), e.note(), e.surrenderedAt());
            next.inCustody = false;
            endTransits(next);
        } else if (event instanceof NotTakenOver e) {
            next.notTakenOver = new ExtraditionCase.NotTakenOver(e.agreedDate(), e.note(), e.releasedAt());
            next.inCustody = false;
            next.closedAt = e.releasedAt();
            endTransits(next);
        } else if (event instanceof TransitRequested e) {
            next.transits.add(new Transit(e.transitState(), e.airTransitWithoutLanding(), e.details(), e.requestedAt(),
                    null, List.of(), null, null, true));
        } else if (event instanceof TransitDecided e) {
            transitDecided(next, e);
        } else if (event instanceof ConcurrentRequestsRecorded e) {
            next.concurrentRequests = new ConcurrentRequests(e.otherCaseIds(), e.factors(), e.chosenCaseId(), e.reasons(), e.recordedAt());
        } else if (event instanceof SpecialityConsentRequested e) {
            next.specialityConsents.add(new Consent(e.consentId(), null, e.offences(), e.purpose(), e.requestedAt(),
                    null, List.of(), null, null));
        } else if (event instanceof SpecialityConsentDecided e) {
            decideConsent(next.specialityConsents, e.consentId(), e.decision(), e.conditions(), e.reasons(), e.decidedAt());
        } else if (event instanceof ReExtraditionConsentRequested e) {
            next.reExtraditionConsents.add(new Consent(e.consentId(), e.thirdState(), e.offences(), e.purpose(), e.requestedAt(),
                    null, List.of(), null, null));
        } else if (event instanceof ReExtraditionConsentDecided e) {
            decideConsent(next.reExtraditionConsents, e.consentId(), e.decision(), e.conditions(), e.reasons(), e.decidedAt());
        } else if (event instanceof Withdrawn e) {
            next.withdrawal = new Withdrawal(e.reasons(), e.withdrawnAt());
            next.inCustody = false; // detention for extradition ends with the case
            endTransits(next);
        } else if (event instanceof Closed e) {
            next.closingNote = e.note();
            next.closedAt = e.closedAt();
            endTransits(next);
        } else if (event instanceof DeadlineOverdue e) {
            next.remindedDeadlines.add(e.kind());
        } else if (event instanceof PersonalDataErased e) {
            next.erasure = new ExtraditionCase.Erasure(e.erasedBy(), e.reason(), e.erasedAt());
        } else {
            throw new IllegalArgumentException("unknown event " + event);
        }
        return next.build();
    }

    /**
     * The state after a whole history, oldest event first.
     *
     * @return {@code null} for an empty history
     */
    public static ExtraditionCase fold(List<? extends ExtraditionEvent> events) {
        ExtraditionCase state = null;
        for (ExtraditionEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static ExtraditionCase opened(ExtraditionEvent event) {
        ExtraditionCase.Builder b = new ExtraditionCase.Builder();
        b.version = 1;
        b.status = ExtraditionFacts.statusAfter(null, event);
        if (event instanceof ProvisionalArrestRequested e) {
            b.id = e.caseId();
            b.requestingState = e.requestingState();
            b.requestedState = e.requestedState();
            b.channel = e.channel();
            b.provisionalArrest = new ProvisionalArrest(e.channel(), e.request(), e.requestedAt());
            b.openedAt = e.requestedAt();
        } else {
            ExtraditionRequested e = (ExtraditionRequested) event;
            b.id = e.caseId();
            b.requestingState = e.requestingState();
            b.requestedState = e.requestedState();
            b.channel = e.channel();
            b.formalRequest = new FormalRequestSubmission(e.channel(), e.request(), e.submittedAt());
            b.openedAt = e.submittedAt();
        }
        return b.build();
    }

    /** An arrest; due dates carried by the event (a provisional arrest) start the clock, and are reminded afresh. */
    private static void arrested(ExtraditionCase.Builder next, ArrestRecorded e) {
        next.inCustody = true;
        next.arrests.add(new Arrest(e.arrestedAt(), e.place(), e.recordedAt()));
        if (e.releasePossibleDueDate() != null) {
            next.releasePossibleDueDate = e.releasePossibleDueDate();
            next.remindedDeadlines.remove(DeadlineKind.FORMAL_REQUEST_RELEASE_POSSIBLE);
        }
        if (e.releaseCompulsoryDueDate() != null) {
            next.releaseCompulsoryDueDate = e.releaseCompulsoryDueDate();
            next.remindedDeadlines.remove(DeadlineKind.FORMAL_REQUEST_RELEASE_COMPULSORY);
        }
        if (e.simplifiedConsentNoticeDueDate() != null) {
            next.simplifiedConsentNoticeDueDate = e.simplifiedConsentNoticeDueDate();
            next.remindedDeadlines.remove(DeadlineKind.SIMPLIFIED_CONSENT_NOTICE);
        }
    }

    /** A refusal ends the transit State's involvement; an authorisation keeps it until the transit is done. */
    private static void transitDecided(ExtraditionCase.Builder next, TransitDecided e) {
        for (int i = next.transits.size() - 1; i >= 0; i--) {
            Transit t = next.transits.get(i);
            if (t.active() && t.state().equals(e.transitState())) {
                next.transits.set(i, new Transit(t.state(), t.airTransitWithoutLanding(), t.details(), t.requestedAt(),
                        e.decision(), e.conditions(), e.reasons(), e.decidedAt(), e.decision() == TransitDecision.AUTHORISED));
                return;
            }
        }
        throw new IllegalArgumentException("no active transit through " + e.transitState() + " on case " + next.id);
    }

    /** The person was handed over (or the case ended): every transit is done, and the transit States lose sight of the case. */
    private static void endTransits(ExtraditionCase.Builder next) {
        next.transits.replaceAll(t -> t.active()
                ? new Transit(t.state(), t.airTransitWithoutLanding(), t.details(), t.requestedAt(), t.decision(), t.conditions(),
                        t.reasons(), t.decidedAt(), false)
                : t);
    }

    private static void decideConsent(List<Consent> consents, String consentId, ConsentDecision decision, List<String> conditions,
                                      String reasons, Instant decidedAt) {
        consents.replaceAll(c -> c.id().equals(consentId)
                ? new Consent(c.id(), c.thirdState(), c.offences(), c.purpose(), c.requestedAt(), decision, conditions, reasons, decidedAt)
                : c);
    }

    private static <T> void replaceLast(List<T> list, UnaryOperator<T> change) {
        int last = list.size() - 1;
        list.set(last, change.apply(list.get(last)));
    }
}
