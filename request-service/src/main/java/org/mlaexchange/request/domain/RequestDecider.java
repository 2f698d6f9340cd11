package org.mlaexchange.request.domain;

import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.contracts.rules.Violations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.contracts.request.RequestEvent.Accepted;
import org.mlaexchange.contracts.request.RequestEvent.Acknowledged;
import org.mlaexchange.contracts.request.RequestEvent.Closed;
import org.mlaexchange.contracts.request.RequestEvent.Completed;
import org.mlaexchange.contracts.request.RequestEvent.ConditionsAccepted;
import org.mlaexchange.contracts.request.RequestEvent.ConditionsProposed;
import org.mlaexchange.contracts.request.RequestEvent.ConditionsRejected;
import org.mlaexchange.contracts.request.RequestEvent.ConsultationOpened;
import org.mlaexchange.contracts.request.RequestEvent.DeadlineOverdue;
import org.mlaexchange.contracts.request.RequestEvent.InformationProvided;
import org.mlaexchange.contracts.request.RequestEvent.InformationRequested;
import org.mlaexchange.contracts.request.RequestEvent.Postponed;
import org.mlaexchange.contracts.request.RequestEvent.ProgressReported;
import org.mlaexchange.contracts.request.RequestEvent.Refused;
import org.mlaexchange.contracts.request.RequestEvent.Submitted;
import org.mlaexchange.contracts.request.RequestEvent.Withdrawn;
import org.mlaexchange.contracts.request.RequestEvent.PersonalDataErased;
import org.mlaexchange.contracts.request.RequestEvent.ConfidentialityNotAssured;
import org.mlaexchange.contracts.request.RequestEvent.ConsultationAnswered;
import org.mlaexchange.contracts.request.RequestEvent.ContinuedWithoutConfidentiality;
import org.mlaexchange.contracts.request.RequestEvent.DecisionDeadlineExtended;
import org.mlaexchange.contracts.request.RequestEvent.MeasuresImpossible;
import org.mlaexchange.contracts.request.RequestEvent.StatusAnswered;
import org.mlaexchange.contracts.request.RequestEvent.StatusRequested;
import org.mlaexchange.contracts.request.RequestEvent.Supplemented;
import org.mlaexchange.contracts.request.RequestFacts;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;
import org.mlaexchange.request.domain.MlaRequest.Acceptance;
import org.mlaexchange.request.domain.MlaRequest.Acknowledgement;
import org.mlaexchange.request.domain.MlaRequest.ConditionsOutcome;
import org.mlaexchange.request.domain.MlaRequest.ConditionsProposal;
import org.mlaexchange.request.domain.MlaRequest.InformationRequest;
import org.mlaexchange.request.domain.MlaRequest.Measure;
import org.mlaexchange.request.domain.MlaRequest.Postponement;
import org.mlaexchange.request.domain.MlaRequest.ProgressReport;
import org.mlaexchange.request.domain.MlaRequest.Refusal;
import org.mlaexchange.request.domain.MlaRequest.Withdrawal;
import org.mlaexchange.request.domain.MlaRequest.ConfidentialityNotice;
import org.mlaexchange.request.domain.MlaRequest.ConsultationAnswer;
import org.mlaexchange.request.domain.MlaRequest.DecisionExtension;
import org.mlaexchange.request.domain.MlaRequest.Impossibility;
import org.mlaexchange.request.domain.MlaRequest.StatusQuestion;

/**
 * The state machine of a mutual legal assistance request: {@link #decide} turns a command into events
 * (or a {@link DomainException}), {@link #evolve} applies one event to the state, {@link #fold}
 * rebuilds the state from the history. Who may act from which status is in {@link RequestAction};
 * the rules that depend on the content and the measures are here. Pure: all times come from the
 * caller ({@code now}) or from the events.
 */
public final class RequestDecider {

    private final ReferenceData referenceData;
    private final DeadlinePolicy deadlinePolicy;
    private final ContentRules contentRules;

    public RequestDecider(ReferenceData referenceData, DeadlinePolicy deadlinePolicy) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.deadlinePolicy = Objects.requireNonNull(deadlinePolicy, "deadlinePolicy");
        this.contentRules = new ContentRules(referenceData);
    }

    /**
     * Decides what happens when {@code actorState} takes {@code command} on a request.
     *
     * @param state      the current state; {@code null} only for {@link RequestCommand.Submit}
     * @param actorState the acting State (for Submit, the requesting State); {@code null} for system commands
     * @param now        the moment of the decision; every time in the events comes from it
     * @return the events to append (none when a system command finds nothing to do)
     * @throws DomainException.NotAParty           the acting State is not a party to the request
     * @throws DomainException.WrongParty          the action belongs to the other party (or to the system)
     * @throws DomainException.TransitionForbidden the action is not allowed in the current status
     * @throws DomainException.InvalidCommand      the command breaks content rules (all violations listed)
     * @throws IllegalArgumentException            a command other than Submit without a state
     */
    public List<RequestEvent> decide(MlaRequest state, RequestCommand command, StateCode actorState, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (command instanceof RequestCommand.Submit c) {
            if (state != null) {
                throw new TransitionForbidden(state.status(), RequestAction.SUBMIT, "the request already exists");
            }
            return List.of(submit(c, Objects.requireNonNull(actorState, "actorState"), now));
        }
        if (state == null) {
            throw new IllegalArgumentException("no request: '" + command.action().pathSegment() + "' needs a submitted request");
        }
        authorize(state, command.action(), actorState);
        LocalDate today = today(now);
        if (command instanceof RequestCommand.Acknowledge c) {
            return List.of(acknowledge(state, c, now));
        } else if (command instanceof RequestCommand.RequestInformation c) {
            return List.of(requestInformation(state, c, today, now));
        } else if (command instanceof RequestCommand.ProvideInformation c) {
            return List.of(provideInformation(state, c, today, now));
        } else if (command instanceof RequestCommand.OpenConsultation c) {
            return List.of(openConsultation(state, c, now));
        } else if (command instanceof RequestCommand.Postpone c) {
            return List.of(postpone(state, c, today, now));
        } else if (command instanceof RequestCommand.ProposeConditions c) {
            return List.of(proposeConditions(state, c, now));
        } else if (command instanceof RequestCommand.AcceptConditions c) {
            return List.of(new ConditionsAccepted(state.id(), c.reasons(), statusFromMeasures(statuses(state).values()), now));
        } else if (command instanceof RequestCommand.RejectConditions c) {
            Violations v = new Violations();
            v.requiredText(c.reasons(), "reasons");
            v.throwIfAny();
            return List.of(new ConditionsRejected(state.id(), c.reasons(), now));
        } else if (command instanceof RequestCommand.Refuse c) {
            return List.of(refuse(state, c, now));
        } else if (command instanceof RequestCommand.Accept c) {
            return List.of(accept(state, c, today, now));
        } else if (command instanceof RequestCommand.ReportProgress c) {
            return List.of(reportProgress(state, c, now));
        } else if (command instanceof RequestCommand.Complete c) {
            return List.of(complete(state, c, now));
        } else if (command instanceof RequestCommand.Close c) {
            return List.of(new Closed(state.id(), c.note(), now));
        } else if (command instanceof RequestCommand.ErasePersonalData c) {
            Violations v = new Violations();
            v.required(c.reason(), "reason");
            v.throwIfAny();
            return List.of(new PersonalDataErased(state.id(), actorState, c.reason(), now));
        } else if (command instanceof RequestCommand.Withdraw c) {
            Violations v = new Violations();
            v.requiredText(c.reasons(), "reasons");
            v.throwIfAny();
            return List.of(new Withdrawn(state.id(), c.reasons(), now));
        } else if (command instanceof RequestCommand.AnswerConsultation c) {
            return List.of(answerConsultation(state, c, now));
        } else if (command instanceof RequestCommand.DeclareImpossible c) {
            return List.of(declareImpossible(state, c, now));
        } else if (command instanceof RequestCommand.AskStatus c) {
            return List.of(askStatus(state, c, today, now));
        } else if (command instanceof RequestCommand.AnswerStatus c) {
            Violations v = new Violations();
            v.requiredText(c.answer(), "answer");
            v.throwIfAny();
            return List.of(new StatusAnswered(state.id(), c.answer(), now));
        } else if (command instanceof RequestCommand.Supplement c) {
            Violations v = new Violations();
            checkNewContentVersion(state, c.content(), today, v);
            v.throwIfAny();
            return List.of(new Supplemented(state.id(), c.content(), c.note(), now));
        } else if (command instanceof RequestCommand.DeclineConfidentiality c) {
            Violations v = new Violations();
            v.requiredText(c.reasons(), "reasons");
            v.throwIfAny();
            return List.of(new ConfidentialityNotAssured(state.id(), c.reasons(), now));
        } else if (command instanceof RequestCommand.ContinueWithoutConfidentiality c) {
            return List.of(new ContinuedWithoutConfidentiality(state.id(), c.note(), state.confidentialityNotice().statusBefore(), now));
        } else if (command instanceof RequestCommand.ExtendDecisionDeadline c) {
            return List.of(extendDecisionDeadline(state, c, now));
        } else if (command instanceof RequestCommand.RecordOverdueDeadlines) {
            return recordOverdueDeadlines(state, now);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    /** Party first (a non-party must not learn the status), then the table of {@link RequestAction}. */
    private static void authorize(MlaRequest state, RequestAction action, StateCode actor) {
        if (actor != null && !state.isParty(actor)) {
            throw new NotAParty(actor, "request", state.id());
        }
        if (action.by() == Party.SYSTEM) {
            if (actor != null) {
                throw new WrongParty(actor, action);
            }
        } else if (actor != null || action != RequestAction.ERASE_PERSONAL_DATA) { // no actor: the Exchange's retention rule erases
            Objects.requireNonNull(actor, "actorState");
            if (!actor.equals(state.stateOf(action.by()))) {
                throw new WrongParty(actor, action);
            }
        }
        if (!action.isAllowedFrom(state.status())) {
            throw new TransitionForbidden(state.status(), action);
        }
        if (!action.guardHolds(state)) {
            throw new TransitionForbidden(state.status(), action, state.erasure() != null
                    ? "the request's personal data was erased; it takes no more actions" : action.guard().orElseThrow().otherwise());
        }
    }

    private Submitted submit(RequestCommand.Submit c, StateCode requesting, Instant now) {
        LocalDate today = today(now);
        Violations v = new Violations();
        v.required(c.requestId(), "requestId");
        // the legal basis is the Convention in force between the two States on the day of submission
        referenceData.notStatePartyReason(requesting, today).ifPresent(reason -> v.add("requestingState", reason));
        StateCode requested = c.requestedState();
        if (!v.required(requested, "requestedState")) {
            requested = null;
        } else if (requested.equals(requesting)) {
            v.add("requestedState", "must differ from the requesting State");
            requested = null;
        } else if (referenceData.notStatePartyReason(requested, today).isPresent()) {
            v.add("requestedState", referenceData.notStatePartyReason(requested, today).get());
            requested = null;
        }
        contentRules.check(v, c.content(), requesting, requested, c.urgent(), c.confidential(), c.urgentChannel(), today);
        v.throwIfAny();

        DeadlinePolicy.Deadlines deadlines = deadlinePolicy.deadlinesFor(requesting, requested);
        LocalDate decisionDue = today.plus(deadlines.decision());
        LocalDate desired = urgentDesiredDate(c.urgent(), c.content());
        if (desired != null && desired.isBefore(decisionDue)) {
            decisionDue = desired; // an urgent request carries its own date: it is decided by then
        }
        LocalDate acknowledgementDue = min(today.plus(deadlines.acknowledgement()), decisionDue);
        List<String> measureIds = IntStream.rangeClosed(1, c.content().measures().size()).mapToObj(i -> "m" + i).toList();
        return new Submitted(c.requestId(), requesting, requested, c.urgent(), c.confidential(), c.content(),
                measureIds, now, acknowledgementDue, decisionDue, c.urgentChannel());
    }

    private static Acknowledged acknowledge(MlaRequest state, RequestCommand.Acknowledge c, Instant now) {
        Violations v = new Violations();
        v.requiredText(c.caseReference(), "caseReference");
        ContentRules.contact(v, c.contact(), "contact");
        v.throwIfAny();
        return new Acknowledged(state.id(), c.caseReference(), c.contact(), now);
    }

    private static InformationRequested requestInformation(MlaRequest state, RequestCommand.RequestInformation c,
                                                           LocalDate today, Instant now) {
        Violations v = new Violations();
        v.requiredTexts(c.missing(), "missing");
        if (c.dueDate() != null && !c.dueDate().isAfter(today)) {
            v.add("dueDate", "must be in the future");
        }
        v.throwIfAny();
        return new InformationRequested(state.id(), c.missing(), c.dueDate(), now);
    }

    /**
     * The answer is a new version of the content. The decision clock stopped while the information was
     * awaited: the decision deadline moves by those days, while no measure is decided.
     */
    private InformationProvided provideInformation(MlaRequest state, RequestCommand.ProvideInformation c,
                                                   LocalDate today, Instant now) {
        Violations v = new Violations();
        checkNewContentVersion(state, c.content(), today, v);
        v.throwIfAny();
        LocalDate decisionDue = null;
        if (!state.anyMeasureDecided() && state.informationRequest() != null) {
            long paused = ChronoUnit.DAYS.between(today(state.informationRequest().requestedAt()), today);
            decisionDue = paused > 0 ? state.decisionDueDate().plusDays(paused) : null;
        }
        return new InformationProvided(state.id(), c.content(), c.note(), now, decisionDue);
    }

    /** A new version of the content passes the content rules; decided measures cannot change under the requested State. */
    private void checkNewContentVersion(MlaRequest state, RequestContent content, LocalDate today, Violations v) {
        contentRules.check(v, content, state.requestingState(), state.requestedState(), state.urgent(),
                state.confidential(), state.urgentChannel(), today);
        if (content != null) {
            List<MeasureRequest> proposed = content.measures();
            List<Measure> measures = state.measures();
            if (proposed.size() != measures.size()) {
                v.add("content.measures", "must keep the " + measures.size() + " measures of the request, in order");
            } else {
                for (int i = 0; i < measures.size(); i++) {
                    Measure m = measures.get(i);
                    MeasureRequest p = proposed.get(i);
                    if (m.status() != MeasureStatus.PENDING && p != null
                            && (p.kind() != m.kind() || !Objects.equals(p.specifics(), m.specifics()))) {
                        v.add("content.measures[" + i + "]", "measure " + m.id() + " is already decided ("
                                + m.status() + "): its kind and specifics cannot change");
                    }
                }
            }
        }
    }

    private static ConsultationAnswered answerConsultation(MlaRequest state, RequestCommand.AnswerConsultation c, Instant now) {
        Violations v = new Violations();
        v.requiredText(c.position(), "position");
        v.optionalTexts(c.acceptedChanges(), "acceptedChanges");
        v.throwIfAny();
        return new ConsultationAnswered(state.id(), c.position(), c.acceptedChanges() == null ? List.of() : c.acceptedChanges(), now);
    }

    /** Accepted measures found impossible are closed with reasons, so that the request can still be completed. */
    private static MeasuresImpossible declareImpossible(MlaRequest state, RequestCommand.DeclareImpossible c, Instant now) {
        Violations v = new Violations();
        List<String> ids = c.measureIds() == null ? List.of() : c.measureIds();
        if (ids.isEmpty()) {
            v.add("measureIds", "name at least one accepted measure");
        }
        checkNamedMeasures(state, ids, v, m -> m.status() == MeasureStatus.ACCEPTED || m.status() == MeasureStatus.IN_EXECUTION,
                m -> "measure " + m.id() + " is " + m.status() + ": only accepted measures not yet executed can be found impossible");
        v.requiredText(c.reasons(), "reasons");
        v.throwIfAny();
        Map<String, MeasureStatus> after = statuses(state);
        ids.forEach(id -> after.put(id, MeasureStatus.IMPOSSIBLE));
        return new MeasuresImpossible(state.id(), ids, c.reasons(), statusFromMeasures(after.values()), now);
    }

    /** Status questions get answers (model UNTOC 18(24)), by a due date the requesting State may set. */
    private StatusRequested askStatus(MlaRequest state, RequestCommand.AskStatus c, LocalDate today, Instant now) {
        Violations v = new Violations();
        v.requiredText(c.question(), "question");
        if (c.answerDueDate() != null && !c.answerDueDate().isAfter(today)) {
            v.add("answerDueDate", "must be in the future");
        }
        v.throwIfAny();
        LocalDate due = c.answerDueDate() != null ? c.answerDueDate()
                : today.plus(deadlinePolicy.deadlinesFor(state.requestingState(), state.requestedState()).statusAnswer());
        return new StatusRequested(state.id(), c.question(), due, now);
    }

    /** Once, with reasons, by the pair of States' extension (European Investigation Order default: 30 days). */
    private DecisionDeadlineExtended extendDecisionDeadline(MlaRequest state, RequestCommand.ExtendDecisionDeadline c, Instant now) {
        Violations v = new Violations();
        v.requiredText(c.reasons(), "reasons");
        v.throwIfAny();
        LocalDate newDue = state.decisionDueDate()
                .plus(deadlinePolicy.deadlinesFor(state.requestingState(), state.requestedState()).decisionExtension());
        return new DecisionDeadlineExtended(state.id(), state.decisionDueDate(), newDue, c.reasons(), now);
    }

    /** Consultation comes before any refusal, postponement or conditions (model UNTOC 18(26)). */
    private static ConsultationOpened openConsultation(MlaRequest state, RequestCommand.OpenConsultation c, Instant now) {
        if (!state.anyMeasurePending()) {
            throw new TransitionForbidden(state.status(), RequestAction.OPEN_CONSULTATION, "every measure is already decided");
        }
        Violations v = new Violations();
        v.requiredTexts(c.matters(), "matters");
        v.throwIfAny();
        return new ConsultationOpened(state.id(), c.matters(), now);
    }

    private static Postponed postpone(MlaRequest state, RequestCommand.Postpone c, LocalDate today, Instant now) {
        Violations v = new Violations();
        v.required(c.reason(), "reason");
        if (c.reason() == PostponementReason.OTHER) {
            v.requiredText(c.reasons(), "reasons");
        }
        if (v.required(c.reviewDate(), "reviewDate") && !c.reviewDate().isAfter(today)) {
            v.add("reviewDate", "must be in the future");
        }
        v.throwIfAny();
        return new Postponed(state.id(), c.reason(), c.reasons(), c.reviewDate(), now);
    }

    private static ConditionsProposed proposeConditions(MlaRequest state, RequestCommand.ProposeConditions c, Instant now) {
        Violations v = new Violations();
        v.requiredTexts(c.conditions(), "conditions");
        v.throwIfAny();
        return new ConditionsProposed(state.id(), c.conditions(), now);
    }

    /** A refusal names at least one ground from the closed list and gives written reasons (model UNTOC 18(21), 18(23)). */
    private static Refused refuse(MlaRequest state, RequestCommand.Refuse c, Instant now) {
        Violations v = new Violations();
        List<String> ids = measuresToDecide(state, c.measureIds(), RequestAction.REFUSE, v);
        List<GroundForRefusal> grounds = c.grounds() == null ? List.of() : c.grounds();
        if (grounds.isEmpty()) {
            v.add("grounds", "at least one ground for refusal is required");
        }
        for (int i = 0; i < grounds.size(); i++) {
            v.required(grounds.get(i), "grounds[" + i + "]");
        }
        v.requiredText(c.reasons(), "reasons");
        v.throwIfAny();
        Map<String, MeasureStatus> after = statuses(state);
        ids.forEach(id -> after.put(id, MeasureStatus.REFUSED));
        return new Refused(state.id(), ids, List.copyOf(new LinkedHashSet<>(grounds)), c.reasons(),
                statusFromMeasures(after.values()), now);
    }

    private Accepted accept(MlaRequest state, RequestCommand.Accept c, LocalDate today, Instant now) {
        Violations v = new Violations();
        List<String> ids = measuresToDecide(state, c.measureIds(), RequestAction.ACCEPT, v);
        v.optionalTexts(c.impossibleProcedures(), "impossibleProcedures");
        v.throwIfAny();
        LocalDate desired = urgentDesiredDate(state.urgent(), state.content());
        LocalDate executionDue = desired != null
                ? desired
                : today.plus(deadlinePolicy.deadlinesFor(state.requestingState(), state.requestedState()).execution());
        Map<String, MeasureStatus> after = statuses(state);
        ids.forEach(id -> after.put(id, MeasureStatus.ACCEPTED));
        return new Accepted(state.id(), ids, c.impossibleProcedures(), executionDue, statusFromMeasures(after.values()), now);
    }

    /** Progress moves accepted measures forward: ACCEPTED → IN_EXECUTION → EXECUTED (a step may be skipped). */
    private static ProgressReported reportProgress(MlaRequest state, RequestCommand.ReportProgress c, Instant now) {
        Violations v = new Violations();
        List<MeasureProgress> updates = c.updates() == null ? List.of() : c.updates();
        if (updates.isEmpty() && Violations.isBlank(c.summary())) {
            v.add("updates", "report at least one measure update or a summary");
        }
        Map<String, MeasureStatus> after = statuses(state);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            String field = "updates[" + i + "]";
            MeasureProgress u = updates.get(i);
            if (!v.required(u, field) || !v.requiredText(u.measureId(), field + ".measureId")) {
                continue;
            }
            Optional<Measure> measure = state.measure(u.measureId());
            if (!seen.add(u.measureId())) {
                v.add(field + ".measureId", "measure " + u.measureId() + " is listed twice");
            } else if (measure.isEmpty()) {
                v.add(field + ".measureId", "no measure " + u.measureId() + " in this request");
            } else if (u.status() != MeasureStatus.IN_EXECUTION && u.status() != MeasureStatus.EXECUTED) {
                v.add(field + ".status", "must be IN_EXECUTION or EXECUTED");
            } else if (measure.get().status() != MeasureStatus.ACCEPTED && measure.get().status() != MeasureStatus.IN_EXECUTION) {
                v.add(field + ".measureId", "measure " + u.measureId() + " is " + measure.get().status()
                        + ": only accepted measures not yet executed can progress");
            } else {
                after.put(u.measureId(), u.status());
                if (u.execution() != null) {
                    MeasureRules.execution(v, u.execution(), measure.get().kind(), field + ".execution", LocalDate.ofInstant(now, MlaRequest.DEADLINE_ZONE));
                }
            }
        }
        v.throwIfAny();
        return new ProgressReported(state.id(), updates, c.summary(), statusFromMeasures(after.values()), now);
    }

    private static Completed complete(MlaRequest state, RequestCommand.Complete c, Instant now) {
        Collection<MeasureStatus> statuses = statuses(state).values();
        if (!state.allMeasuresSettled()
                || !(statuses.contains(MeasureStatus.EXECUTED) || statuses.contains(MeasureStatus.IMPOSSIBLE))) {
            throw new TransitionForbidden(state.status(), RequestAction.COMPLETE,
                    "every measure must be executed, refused or found impossible, and at least one accepted");
        }
        return new Completed(state.id(), c.summary(), now);
    }

    /** Overdue is evented, never silent; each deadline is reminded at most once. */
    private static List<RequestEvent> recordOverdueDeadlines(MlaRequest state, Instant now) {
        List<RequestEvent> events = new ArrayList<>();
        for (DeadlineKind kind : state.overdueAt(now)) {
            if (!state.remindedDeadlines().contains(kind)) {
                events.add(new DeadlineOverdue(state.id(), kind, state.dueDate(kind), state.owedBy(kind), now));
            }
        }
        return events;
    }

    /** The measures a decision applies to: those named (each must be undecided), or every undecided one. */
    private static List<String> measuresToDecide(MlaRequest state, List<String> named, RequestAction action, Violations v) {
        if (named == null || named.isEmpty()) {
            List<String> pending = state.measures().stream()
                    .filter(m -> m.status() == MeasureStatus.PENDING).map(Measure::id).toList();
            if (pending.isEmpty()) {
                throw new TransitionForbidden(state.status(), action, "no measure is awaiting a decision");
            }
            return pending;
        }
        checkNamedMeasures(state, named, v, m -> m.status() == MeasureStatus.PENDING,
                m -> "measure " + m.id() + " is already decided (" + m.status() + ")");
        return List.copyOf(named.stream().filter(Objects::nonNull).toList());
    }

    /** Each of {@code measureIds[i]} names a measure of this request once, one that {@code may} take the action. */
    private static void checkNamedMeasures(MlaRequest state, List<String> ids, Violations v, Predicate<Measure> may,
            Function<Measure, String> whyNot) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "measureIds[" + i + "]";
            String id = ids.get(i);
            if (!v.requiredText(id, field)) {
                continue;
            }
            Optional<Measure> measure = state.measure(id);
            if (!seen.add(id)) {
                v.add(field, "measure " + id + " is listed twice");
            } else if (measure.isEmpty()) {
                v.add(field, "no measure " + id + " in this request");
            } else if (!may.test(measure.get())) {
                v.add(field, whyNot.apply(measure.get()));
            }
        }
    }

    /**
     * The request status that follows from its measures once at least one is decided: REFUSED when all
     * are refused; still UNDER_ASSESSMENT while none is accepted; otherwise the execution status. When
     * every accepted measure is executed or found impossible the request stays PARTIALLY_EXECUTED until
     * the requested State declares it complete.
     */
    static RequestStatus statusFromMeasures(Collection<MeasureStatus> statuses) {
        if (statuses.stream().allMatch(s -> s == MeasureStatus.REFUSED)) {
            return RequestStatus.REFUSED;
        }
        if (statuses.contains(MeasureStatus.EXECUTED)) {
            return RequestStatus.PARTIALLY_EXECUTED;
        }
        if (statuses.contains(MeasureStatus.IN_EXECUTION)) {
            return RequestStatus.IN_EXECUTION;
        }
        if (statuses.contains(MeasureStatus.ACCEPTED)) {
            return RequestStatus.ACCEPTED;
        }
        if (statuses.contains(MeasureStatus.PENDING) || !statuses.contains(MeasureStatus.IMPOSSIBLE)) {
            return RequestStatus.UNDER_ASSESSMENT;
        }
        return RequestStatus.PARTIALLY_EXECUTED; // only refused and impossible measures: left to declare complete
    }

    private static Map<String, MeasureStatus> statuses(MlaRequest state) {
        Map<String, MeasureStatus> statuses = new LinkedHashMap<>();
        state.measures().forEach(m -> statuses.put(m.id(), m.status()));
        return statuses;
    }

    /** An urgent request's desired date, which becomes its execution deadline. */
    private static LocalDate urgentDesiredDate(boolean urgent, RequestContent content) {
        return urgent ? content.desiredDate() : null;
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, MlaRequest.DEADLINE_ZONE);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    // ---- evolve -------------------------------------------------------------------------------

    /**
     * The state after one event. Pure and deterministic: everything comes from the state and the
     * event, so replaying a history always gives the same state.
     *
     * @param state {@code null} before the {@link Submitted} event
     * @throws IllegalArgumentException the event does not belong to this request or comes out of order
     */
    public static MlaRequest evolve(MlaRequest state, RequestEvent event) {
        Objects.requireNonNull(event, "event");
        if (event instanceof Submitted e) {
            if (state != null) {
                throw new IllegalArgumentException("request " + state.id() + " is already submitted");
            }
            return submitted(e);
        }
        if (state == null) {
            throw new IllegalArgumentException("the history of a request starts with Submitted, not " + event.getClass().getSimpleName());
        }
        if (!state.id().equals(event.requestId())) {
            throw new IllegalArgumentException("event of request " + event.requestId() + " applied to request " + state.id());
        }
        MlaRequest.Builder next = state.toBuilder();
        next.version = state.version() + 1;
        next.status = RequestFacts.statusAfter(state.status(), event);
        if (event instanceof Acknowledged e) {
            next.acknowledgement = new Acknowledgement(e.caseReference(), e.contact());
            next.acknowledgedAt = e.acknowledgedAt();
        } else if (event instanceof InformationRequested e) {
            next.informationRequest = new InformationRequest(e.missing(), e.dueDate(), e.requestedAt());
            next.remindedDeadlines.remove(DeadlineKind.INFORMATION); // a new information due date, reminded once
        } else if (event instanceof InformationProvided e) {
            informationProvided(next, e);
        } else if (event instanceof ConsultationOpened e) {
            next.consultationMatters = new ArrayList<>(e.matters());
        } else if (event instanceof Postponed e) {
            next.postponement = new Postponement(e.reason(), e.reasons(), e.reviewDate(), e.postponedAt());
            next.remindedDeadlines.remove(DeadlineKind.POSTPONEMENT_REVIEW);
        } else if (event instanceof ConditionsProposed e) {
            next.conditions.add(new ConditionsProposal(e.conditions(), e.proposedAt(), ConditionsOutcome.PROPOSED, null, null));
        } else if (event instanceof ConditionsAccepted e) {
            answerConditions(next, ConditionsOutcome.ACCEPTED, e.reasons(), e.acceptedAt());
        } else if (event instanceof ConditionsRejected e) {
            answerConditions(next, ConditionsOutcome.REJECTED, e.reasons(), e.rejectedAt());
        } else if (event instanceof Refused e) {
            updateMeasures(next, e.measureIds(), m -> m.refused(e.grounds(), e.reasons()));
            next.refusals.add(new Refusal(e.measureIds(), e.grounds(), e.reasons(), e.refusedAt()));
            next.decidedAt = next.decidedAt == null ? e.refusedAt() : next.decidedAt;
        } else if (event instanceof Accepted e) {
            updateMeasures(next, e.measureIds(), m -> m.withStatus(MeasureStatus.ACCEPTED));
            next.acceptances.add(new Acceptance(e.measureIds(), e.impossibleProcedures(), e.executionDueDate(), e.acceptedAt()));
            next.executionDueDate = next.executionDueDate == null || e.executionDueDate().isAfter(next.executionDueDate)
                    ? e.executionDueDate() : next.executionDueDate;
            next.decidedAt = next.decidedAt == null ? e.acceptedAt() : next.decidedAt;
        } else if (event instanceof ProgressReported e) {
            for (MeasureProgress u : e.updates()) {
                updateMeasures(next, List.of(u.measureId()), m -> m.progressed(u.status(), u.note(), u.execution()));
            }
            next.progressReports.add(new ProgressReport(e.updates(), e.summary(), e.reportedAt()));
        } else if (event instanceof Completed e) {
            next.completionSummary = e.summary();
            next.executedAt = e.completedAt();
        } else if (event instanceof Closed e) {
            next.closingNote = e.note();
            next.closedAt = e.closedAt();
        } else if (event instanceof PersonalDataErased e) {
            next.erasure = new Erasure(e.erasedBy(), e.reason(), e.erasedAt());
        } else if (event instanceof Withdrawn e) {
            next.withdrawal = new Withdrawal(e.reasons(), e.withdrawnAt());
        } else if (event instanceof DeadlineOverdue e) {
            next.remindedDeadlines.add(e.kind());
        } else if (event instanceof ConsultationAnswered e) {
            next.consultationAnswers.add(new ConsultationAnswer(e.position(), e.acceptedChanges(), e.answeredAt()));
        } else if (event instanceof MeasuresImpossible e) {
            updateMeasures(next, e.measureIds(), m -> m.withStatus(MeasureStatus.IMPOSSIBLE));
            next.impossibilities.add(new Impossibility(e.measureIds(), e.reasons(), e.foundAt()));
        } else if (event instanceof StatusRequested e) {
            next.statusQuestions.add(new StatusQuestion(e.question(), e.answerDueDate(), e.requestedAt(), null, null));
            next.remindedDeadlines.remove(DeadlineKind.STATUS_ANSWER);
        } else if (event instanceof StatusAnswered e) {
            int last = next.statusQuestions.size() - 1;
            StatusQuestion q = next.statusQuestions.get(last);
            next.statusQuestions.set(last, new StatusQuestion(q.question(), q.answerDueDate(), q.askedAt(), e.answer(), e.answeredAt()));
        } else if (event instanceof Supplemented e) {
            newContentVersion(next, e.content());
        } else if (event instanceof ConfidentialityNotAssured e) {
            next.confidentialityNotice = new ConfidentialityNotice(e.reasons(), e.declaredAt(), state.status(), null, null);
        } else if (event instanceof ContinuedWithoutConfidentiality e) {
            ConfidentialityNotice n = next.confidentialityNotice;
            next.confidentialityNotice = new ConfidentialityNotice(n.reasons(), n.declaredAt(), n.statusBefore(), e.note(), e.continuedAt());
        } else if (event instanceof DecisionDeadlineExtended e) {
            next.decisionExtension = new DecisionExtension(e.previousDueDate(), e.newDueDate(), e.reasons(), e.extendedAt());
            next.decisionDueDate = e.newDueDate();
            next.remindedDeadlines.remove(DeadlineKind.DECISION); // the new due date is reminded once more
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
    public static MlaRequest fold(List<? extends RequestEvent> events) {
        MlaRequest state = null;
        for (RequestEvent event : events) {
            state = evolve(state, event);
        }
        return state;
    }

    private static MlaRequest submitted(Submitted e) {
        MlaRequest.Builder b = new MlaRequest.Builder();
        b.id = e.requestId();
        b.requestingState = e.requestingState();
        b.requestedState = e.requestedState();
        b.status = RequestFacts.statusAfter(null, e);
        b.urgent = e.urgent();
        b.confidential = e.confidential();
        b.version = 1;
        b.contentVersions.add(e.content());
        List<MeasureRequest> requested = e.content().measures();
        for (int i = 0; i < requested.size(); i++) {
            b.measures.add(Measure.asked(e.measureIds().get(i), requested.get(i)));
        }
        b.submittedAt = e.submittedAt();
        b.acknowledgementDueDate = e.acknowledgementDueDate();
        b.decisionDueDate = e.decisionDueDate();
        b.urgentChannel = e.urgentChannel();
        return b.build();
    }

    private static void informationProvided(MlaRequest.Builder next, InformationProvided e) {
        next.informationRequest = null;
        if (e.decisionDueDate() != null && !e.decisionDueDate().equals(next.decisionDueDate)) {
            next.decisionDueDate = e.decisionDueDate();
            next.remindedDeadlines.remove(DeadlineKind.DECISION);
        }
        newContentVersion(next, e.content());
    }

    /** A new content version; only undecided measures take the new version of what is asked for. */
    private static void newContentVersion(MlaRequest.Builder next, RequestContent content) {
        next.contentVersions.add(content);
        List<MeasureRequest> revised = content.measures();
        for (int i = 0; i < next.measures.size() && i < revised.size(); i++) {
            Measure m = next.measures.get(i);
            if (m.status() == MeasureStatus.PENDING) {
                next.measures.set(i, m.revised(revised.get(i)));
            }
        }
    }

    private static void answerConditions(MlaRequest.Builder next, ConditionsOutcome outcome, String reasons, Instant at) {
        int last = next.conditions.size() - 1;
        ConditionsProposal proposal = next.conditions.get(last);
        next.conditions.set(last, new ConditionsProposal(proposal.conditions(), proposal.proposedAt(), outcome, reasons, at));
    }

    private static void updateMeasures(MlaRequest.Builder next, List<String> ids, UnaryOperator<Measure> change) {
        next.measures.replaceAll(m -> ids.contains(m.id()) ? change.apply(m) : m);
    }
}
