package org.mlaexchange.request.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.Acknowledged;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.Closed;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.DeadlineOverdue;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.PersonalDataErased;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.ConditionsDeclined;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.ConditionsRevised;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.Returned;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.Sent;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.UseConsentDecided;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent.UseConsentRequested;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.SpontaneousInformationFacts;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.request.domain.SpontaneousInformationCase.UseConsent;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;
import org.mlaexchange.contracts.rules.Violations;

/**
 * Spontaneous information (domain.md §3): a State sends information without a request, with conditions;
 * the receiving State acknowledges, and the conditions then bind it like use limits, or it declines them
 * and must not use the information (it returns it, or the providing State revises its conditions or
 * closes). {@link #decide} turns a command into events, {@link #evolve} applies one; who may act from
 * which status is in {@link SpontaneousAction}. Pure: times come from {@code now} or the events.
 */
public final class SpontaneousDecider {

    private final ReferenceData referenceData;
    private final ContentRules contentRules;
    private final Deadlines deadlines;

    /**
     * How long the receiving State has to answer the information (acknowledge it, or decline its conditions), and the
     * providing State to decide on a request for consent to another use. Policy, as a request's deadlines: configured.
     */
    public record Deadlines(Period acknowledgement, Period useConsentDecision) {

        /** A request's default acknowledgement (7 days) and decision (30 days) periods. */
        public static final Deadlines DEFAULT = new Deadlines(Period.ofDays(7), Period.ofDays(30));

        public Deadlines {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
            Objects.requireNonNull(useConsentDecision, "useConsentDecision");
        }
    }

    public SpontaneousDecider(ReferenceData referenceData) {
        this(referenceData, Deadlines.DEFAULT);
    }

    public SpontaneousDecider(ReferenceData referenceData, Deadlines deadlines) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.contentRules = new ContentRules(referenceData);
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    private static LocalDate due(Instant now, Period period) {
        return LocalDate.ofInstant(now, MlaRequest.DEADLINE_ZONE).plus(period);
    }

    /**
     * @param state null only for {@link SpontaneousCommand.Send}
     * @throws NotAParty the acting State is neither side (the case does not exist for it)
     * @throws WrongParty the action belongs to the other side
     * @throws TransitionForbidden the status does not allow the action
     * @throws org.mlaexchange.contracts.rules.DomainException.InvalidCommand the command breaks a rule (every violation listed)
     */
    public List<SpontaneousInformationEvent> decide(SpontaneousInformationCase state, SpontaneousCommand command, StateCode actor,
                                                    Instant now) {
        Objects.requireNonNull(command, "command");
        if (command instanceof SpontaneousCommand.RecordOverdueDeadlines) {
            return recordOverdueDeadlines(Objects.requireNonNull(state, "state"), actor, now);
        }
        if (actor == null && !(command instanceof SpontaneousCommand.ErasePersonalData)) { // only the retention rule erases with no State
            Objects.requireNonNull(actor, "actor");
        }
        if (command instanceof SpontaneousCommand.Send c) {
            if (state != null) {
                throw new TransitionForbidden(state.status(), SpontaneousAction.SEND, "the information was already sent");
            }
            return List.of(send(c, actor, now));
        }
        if (state == null) {
            throw new IllegalArgumentException("'" + command.action().pathSegment() + "' needs information sent first");
        }
        authorize(state, command.action(), actor);
        Violations v = new Violations();
        SpontaneousInformationEvent event;
        if (command instanceof SpontaneousCommand.AcknowledgeReceipt c) {
            v.requiredText(c.caseReference(), "caseReference");
            ContentRules.contact(v, c.contact(), "contact");
            event = new Acknowledged(state.id(), c.caseReference(), c.contact(), now);
        } else if (command instanceof SpontaneousCommand.DeclineConditions c) {
            v.requiredText(c.reasons(), "reasons");
            event = new ConditionsDeclined(state.id(), c.reasons(), now);
        } else if (command instanceof SpontaneousCommand.ReviseConditions c) {
            conditions(v, c.conditions(), "conditions");
            if (c.conditions() != null && c.conditions().equals(state.conditions())) {
                v.add("conditions", "are the conditions the receiving State declined");
            }
            event = new ConditionsRevised(state.id(), c.conditions(), c.note(), now, due(now, deadlines.acknowledgement()));
        } else if (command instanceof SpontaneousCommand.Return c) {
            event = new Returned(state.id(), c.note(), now);
        } else if (command instanceof SpontaneousCommand.CloseCase c) {
            event = new Closed(state.id(), c.note(), now);
        } else if (command instanceof SpontaneousCommand.RequestUseConsent c) {
            useConsentRequest(v, state, c);
            event = new UseConsentRequested(state.id(), c.purpose(), c.thirdState(), c.description(), now,
                    due(now, deadlines.useConsentDecision()));
        } else if (command instanceof SpontaneousCommand.DecideUseConsent c) {
            useConsentDecision(v, c);
            event = new UseConsentDecided(state.id(), c.decision(), c.conditions(), c.reasons(), now);
        } else if (command instanceof SpontaneousCommand.ErasePersonalData c) {
            v.required(c.reason(), "reason");
            event = new PersonalDataErased(state.id(), actor, c.reason(), now);
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        v.throwIfAny();
        return List.of(event);
    }

    /** One reminder per deadline past due and not reminded yet; none when nothing is owed (the system acts, no State). */
    private static List<SpontaneousInformationEvent> recordOverdueDeadlines(SpontaneousInformationCase state, StateCode actor, Instant now) {
        if (actor != null) {
            throw new WrongParty(actor, SpontaneousAction.RECORD_OVERDUE_DEADLINES);
        }
        List<SpontaneousInformationEvent> events = new ArrayList<>();
        for (DeadlineKind kind : state.overdueAt(now)) {
            if (!state.remindedDeadlines().contains(kind)) {
                events.add(new DeadlineOverdue(state.id(), kind, state.dueDate(kind), state.owedBy(kind), now));
            }
        }
        return events;
    }

    /** Consent is asked for a use the conditions do not allow: another proceeding, or onward transfer to a third State. */
    private static void useConsentRequest(Violations v, SpontaneousInformationCase state, SpontaneousCommand.RequestUseConsent c) {
        if (v.required(c.purpose(), "purpose") && !c.purpose().needsConsent()) {
            v.add("purpose", "the use the information was given for needs no consent");
        }
        v.requiredText(c.description(), "description");
        if (c.purpose() == UsePurpose.ONWARD_TRANSFER) {
            if (v.required(c.thirdState(), "thirdState") && state.isParty(c.thirdState())) {
                v.add("thirdState", "must be a State other than the two of this case");
            }
        } else if (c.thirdState() != null) {
            v.add("thirdState", "is only given for an onward transfer");
        }
    }

    private static void useConsentDecision(Violations v, SpontaneousCommand.DecideUseConsent c) {
        if (!v.required(c.decision(), "decision")) {
            return;
        }
        List<String> conditions = c.conditions() == null ? List.of() : c.conditions();
        if (c.decision() == UseConsentDecision.GRANTED_WITH_CONDITIONS) {
            v.requiredTexts(conditions, "conditions");
        } else if (!conditions.isEmpty()) {
            v.add("conditions", "are only given with GRANTED_WITH_CONDITIONS");
        }
        if (c.decision() == UseConsentDecision.DENIED) {
            v.requiredText(c.reasons(), "reasons");
        }
    }

    /** Side first (a State that is neither must not learn the status), then the table. */
    /** Party first (a non-party must not learn the status); no actor only for the Exchange's retention rule's erasure. */
    private static void authorize(SpontaneousInformationCase state, SpontaneousAction action, StateCode actor) {
        if (actor != null && !state.isParty(actor)) {
            throw new NotAParty(actor, "spontaneous information", state.id());
        }
        if (actor != null && !actor.equals(state.stateOf(action.by()))) {
            throw new WrongParty(actor, action);
        }
        if (!action.allowedFrom().contains(state.status())) {
            throw new TransitionForbidden(state.status(), action);
        }
        if (!action.allowedOn(state)) {
            throw new TransitionForbidden(state.status(), action, state.erasure() != null
                    ? "the information's personal data was erased; it takes no more actions" : action.guard().orElseThrow().otherwise());
        }
    }

    private Sent send(SpontaneousCommand.Send c, StateCode providing, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Violations v = new Violations();
        v.required(c.informationId(), "informationId");
        referenceData.notStatePartyReason(providing, today).ifPresent(reason -> v.add("providingState", reason));
        StateCode receiving = c.receivingState();
        if (!v.required(receiving, "receivingState")) {
            receiving = null;
        } else if (receiving.equals(providing)) {
            v.add("receivingState", "must differ from the providing State");
            receiving = null;
        } else if (referenceData.notStatePartyReason(receiving, today).isPresent()) {
            v.add("receivingState", referenceData.notStatePartyReason(receiving, today).get());
            receiving = null;
        }
        information(v, c.information(), providing, receiving, today);
        UseConditions conditions = c.conditions() == null ? UseConditions.none() : c.conditions();
        conditions(v, conditions, "conditions");
        List<UUID> items = c.evidenceItemIds() == null ? List.of() : c.evidenceItemIds();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                v.add("evidenceItemIds[" + i + "]", "must not be null");
            } else if (!seen.add(items.get(i))) {
                v.add("evidenceItemIds[" + i + "]", "is named twice");
            }
        }
        v.throwIfAny();
        return new Sent(c.informationId(), providing, receiving, c.information(), conditions, items, now,
                due(now, deadlines.acknowledgement()));
    }

    private void information(Violations v, SpontaneousInformation info, StateCode providing, StateCode receiving, LocalDate on) {
        if (!v.required(info, "information")) {
            return;
        }
        if (v.required(info.providingAuthority(), "information.providingAuthority")) {
            v.requiredText(info.providingAuthority().name(), "information.providingAuthority.name");
        }
        v.requiredText(info.subjectMatter(), "information.subjectMatter");
        v.requiredText(info.summary(), "information.summary");
        ContentRules.contact(v, info.contact(), "information.contact");
        if (v.requiredText(info.language(), "information.language") && !info.language().matches("[a-z]{2}")) {
            v.add("information.language", "is not an ISO 639-1 code (two lower-case letters)");
        }
        if (info.legalQualification() != null) {
            contentRules.legalQualification(v, info.legalQualification(), "information.legalQualification", providing, receiving, on);
        }
        ContentRules.persons(v, info.personsConcerned(), "information.personsConcerned");
    }

    /** Confidentiality comes with its reasons (and only then), as an evidence item's conditions do. */
    private static void conditions(Violations v, UseConditions conditions, String field) {
        if (!v.required(conditions, field)) {
            return;
        }
        if (conditions.permittedUse() != null && conditions.permittedUse().isBlank()) {
            v.add(field + ".permittedUse", "must not be blank (leave it out for no limit of purpose)");
        }
        v.optionalTexts(conditions.useLimits(), field + ".useLimits");
        if (conditions.confidential()) {
            v.requiredText(conditions.confidentialityReasons(), field + ".confidentialityReasons");
        } else if (conditions.confidentialityReasons() != null) {
            v.add(field + ".confidentialityReasons", "is only given when the information is confidential");
        }
    }

    /** Applies one event; the state after the first is the case as sent. */
    public static SpontaneousInformationCase evolve(SpontaneousInformationCase s, SpontaneousInformationEvent event) {
        if (event instanceof Sent e) {
            return new SpontaneousInformationCase(e.informationId(), e.providingState(), e.receivingState(), SpontaneousStatus.SENT, 1,
                    e.information(), e.conditions(), false, e.conditions() != null && e.conditions().confidential(), e.evidenceItemIds(), e.sentAt(), null, null, null, null, List.of(), e.sentAt(), e.acknowledgementDueDate(), Set.of(), null);
        }
        Objects.requireNonNull(s, "an event other than sent needs the case");
        if (event instanceof Acknowledged e) {
            SpontaneousInformationCase next = s.with(SpontaneousInformationFacts.statusAfter(s.status(), e), e.acknowledgedAt());
            return new SpontaneousInformationCase(next.id(), next.providingState(), next.receivingState(), next.status(), next.version(),
                    next.information(), next.conditions(), true, next.confidential(), next.evidenceItemIds(), next.sentAt(),
                    new SpontaneousInformationCase.ReceiptAcknowledged(e.caseReference(), e.contact(), e.acknowledgedAt()),
                    next.conditionsDeclined(), next.returnNote(), next.closingNote(), next.useConsents(), next.updatedAt(),
                    next.acknowledgementDueDate(), next.remindedDeadlines(), next.erasure());
        } else if (event instanceof ConditionsDeclined e) {
            SpontaneousInformationCase next = s.with(SpontaneousInformationFacts.statusAfter(s.status(), e), e.declinedAt());
            return new SpontaneousInformationCase(next.id(), next.providingState(), next.receivingState(), next.status(), next.version(),
                    next.information(), next.conditions(), false, next.confidential(), next.evidenceItemIds(), next.sentAt(), next.acknowledgement(),
                    new SpontaneousInformationCase.Declined(e.reasons(), e.declinedAt()), next.returnNote(), next.closingNote(),
                    next.useConsents(), next.updatedAt(), next.acknowledgementDueDate(), next.remindedDeadlines(), next.erasure());
        } else if (event instanceof ConditionsRevised e) {
            SpontaneousInformationCase next = s.with(SpontaneousInformationFacts.statusAfter(s.status(), e), e.revisedAt());
            // answered again, by a new due date (reminded once more)
            return new SpontaneousInformationCase(next.id(), next.providingState(), next.receivingState(), next.status(), next.version(),
                    next.information(), e.conditions(), false,
                    next.confidential() || (e.conditions() != null && e.conditions().confidential()), next.evidenceItemIds(), next.sentAt(), next.acknowledgement(),
                    next.conditionsDeclined(), next.returnNote(), next.closingNote(), next.useConsents(), next.updatedAt(),
                    e.acknowledgementDueDate() == null ? next.acknowledgementDueDate() : e.acknowledgementDueDate(),
                    without(next.remindedDeadlines(), DeadlineKind.ACKNOWLEDGEMENT), next.erasure());
        } else if (event instanceof Returned e) {
            SpontaneousInformationCase next = s.with(SpontaneousInformationFacts.statusAfter(s.status(), e), e.returnedAt());
            return new SpontaneousInformationCase(next.id(), next.providingState(), next.receivingState(), next.status(), next.version(),
                    next.information(), next.conditions(), false, next.confidential(), next.evidenceItemIds(), next.sentAt(), next.acknowledgement(),
                    next.conditionsDeclined(), e.note(), next.closingNote(), next.useConsents(), next.updatedAt(),
                    next.acknowledgementDueDate(), next.remindedDeadlines(), next.erasure());
        } else if (event instanceof Closed e) {
            SpontaneousInformationCase next = s.with(SpontaneousInformationFacts.statusAfter(s.status(), e), e.closedAt());
            // closing ends the exchange, not the duty: acknowledged conditions keep binding the receiving State
            return new SpontaneousInformationCase(next.id(), next.providingState(), next.receivingState(), next.status(), next.version(),
                    next.information(), next.conditions(), next.conditionsBind(), next.confidential(), next.evidenceItemIds(), next.sentAt(),
                    next.acknowledgement(), next.conditionsDeclined(), next.returnNote(), e.note(), next.useConsents(), next.updatedAt(),
                    next.acknowledgementDueDate(), next.remindedDeadlines(), next.erasure());
        }
        if (event instanceof UseConsentRequested e) {
            List<UseConsent> consents = new ArrayList<>(s.useConsents());
            consents.add(new UseConsent(e.purpose(), e.thirdState(), e.description(), e.requestedAt(), null, List.of(), null, null,
                    e.decisionDueDate()));
            // a new decision is owed, by its own due date (reminded once)
            return withConsents(s.with(s.status(), e.requestedAt()), consents, without(s.remindedDeadlines(), DeadlineKind.USE_CONSENT_DECISION));
        } else if (event instanceof UseConsentDecided e) {
            List<UseConsent> consents = new ArrayList<>(s.useConsents());
            UseConsent open = s.openUseConsent().orElseThrow(() -> new IllegalStateException("no consent request is open"));
            consents.set(consents.indexOf(open), new UseConsent(open.purpose(), open.thirdState(), open.description(), open.requestedAt(),
                    e.decision(), e.conditions(), e.reasons(), e.decidedAt(), open.decisionDueDate()));
            return withConsents(s.with(s.status(), e.decidedAt()), consents, s.remindedDeadlines());
        } else if (event instanceof DeadlineOverdue e) {
            EnumSet<DeadlineKind> reminded = EnumSet.of(e.kind());
            reminded.addAll(s.remindedDeadlines());
            return withConsents(s.with(s.status(), s.updatedAt()), s.useConsents(), reminded);
        } else if (event instanceof PersonalDataErased e) {
            return s.with(s.status(), e.erasedAt()).erased(new Erasure(e.erasedBy(), e.reason(), e.erasedAt()));
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private static Set<DeadlineKind> without(Set<DeadlineKind> kinds, DeadlineKind kind) {
        EnumSet<DeadlineKind> rest = EnumSet.noneOf(DeadlineKind.class);
        rest.addAll(kinds);
        rest.remove(kind);
        return rest;
    }

    private static SpontaneousInformationCase withConsents(SpontaneousInformationCase c, List<UseConsent> consents, Set<DeadlineKind> reminded) {
        return new SpontaneousInformationCase(c.id(), c.providingState(), c.receivingState(), c.status(), c.version(), c.information(),
                c.conditions(), c.conditionsBind(), c.confidential(), c.evidenceItemIds(), c.sentAt(), c.acknowledgement(),
                c.conditionsDeclined(), c.returnNote(), c.closingNote(), consents, c.updatedAt(), c.acknowledgementDueDate(), reminded, c.erasure());
    }

    public static SpontaneousInformationCase fold(List<SpontaneousInformationEvent> events) {
        SpontaneousInformationCase state = null;
        for (SpontaneousInformationEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
