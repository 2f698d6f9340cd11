package org.mlaexchange.extradition.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.extradition.DeadlineKind;
import org.mlaexchange.contracts.extradition.ExtraditionEvent;
import org.mlaexchange.contracts.extradition.SupportingDocument;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.extradition.domain.ExtraditionCase;
import org.mlaexchange.extradition.domain.ExtraditionCommand;
import org.mlaexchange.extradition.domain.ExtraditionDecider;
import org.mlaexchange.extradition.domain.PersonMatcher;
import org.mlaexchange.extradition.events.ExtraditionEventCodec;
import org.mlaexchange.extradition.events.KnownEvidenceItems;
import org.mlaexchange.extradition.security.Disclosure;
import org.mlaexchange.extradition.store.ExtraditionEntity;
import org.mlaexchange.extradition.store.ExtraditionRepository;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.DomainProblems;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.store.JsonState;

/**
 * Carries out a command on an extradition case in one transaction: decide, evolve, store the new state
 * with its indexes (transit States, the person's match keys, concurrent requests found) and append the
 * events to the log (the outbox). On any error nothing is kept.
 */
@ApplicationScoped
public class ExtraditionService {

    /** A moment after every due date a case can hold: asks the case for every deadline still running. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final ExtraditionRepository repository;
    private final ExtraditionDecider decider;
    private final EventLog eventLog;
    private final ExtraditionEventCodec codec;
    private final KnownRequests knownRequests;
    private final KnownEvidenceItems knownItems;
    private final Clock clock;

    public ExtraditionService(ExtraditionRepository repository, ExtraditionDecider decider, EventLog eventLog,
                              ExtraditionEventCodec codec, KnownRequests knownRequests, KnownEvidenceItems knownItems, Clock clock) {
        this.repository = repository;
        this.decider = decider;
        this.eventLog = eventLog;
        this.codec = codec;
        this.knownRequests = knownRequests;
        this.knownItems = knownItems;
        this.clock = clock;
    }

    /** A case after a change, with the receipts of the events that recorded it. */
    public record Outcome(ExtraditionCase extradition, List<Receipt> receipts) {
    }

    /** Opens a case: a formal request or a request for provisional arrest, by the caller's State. */
    @Transactional
    public Outcome open(Caller caller, ExtraditionCommand opening) {
        StateCode requesting = caller.actingState();
        List<Problem.FieldError> references = opening instanceof ExtraditionCommand.SubmitExtraditionRequest submit
                && submit.request() != null
                ? documentReferences(requesting, submit.request().documents(), "request.documents") : List.of();
        return apply(null, null, opening, requesting, references);
    }

    @Transactional
    public Outcome act(Caller caller, UUID id, String ifMatch, ExtraditionCommand command) {
        StateCode actor = caller.actingState();
        ExtraditionEntity entity = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        ExtraditionCase current = read(entity);
        if (!current.isParty(actor)) {
            throw notFound(id);
        }
        Versions.requireMatch(ifMatch, current.version());
        return apply(entity, current, command, actor, crossChecks(current, command, actor));
    }

    /** Emits the reminders due on one case; no change when none is due (each deadline is reminded once). */
    @Transactional
    public List<Receipt> remindOverdue(UUID id) {
        ExtraditionEntity entity = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        return apply(entity, read(entity), new ExtraditionCommand.RecordOverdueDeadlines(), null, List.of()).receipts();
    }

    /** Cases with a deadline that passed and was not reminded yet, for the reminder job. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> withReminderDue(int limit) {
        return repository.withReminderDue(clock.instant(), limit);
    }

    /** A case the caller may see: a party (a transit State while involved) or the oversight body's auditor; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ExtraditionCase get(Caller caller, UUID id) {
        ExtraditionCase found = repository.findByIdOptional(id).map(ExtraditionService::read).orElseThrow(() -> notFound(id));
        if (!caller.maySee(parties(found))) {
            throw notFound(id);
        }
        return found;
    }

    /** Other open cases at the requested State found to concern the same person; only the requested State learns of them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> concurrentCaseIds(Caller caller, ExtraditionCase of) {
        return of.requestedState().equals(caller.state()) ? repository.concurrentWith(of.id()) : List.of();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtraditionEntity> list(ExtraditionRepository.Filter filter, Long after, int limit) {
        return repository.page(filter, after, limit);
    }

    private Outcome apply(ExtraditionEntity entity, ExtraditionCase current, ExtraditionCommand command, StateCode actor,
                          List<Problem.FieldError> alsoInvalid) {
        Instant now = clock.instant();
        List<ExtraditionEvent> events;
        try {
            events = decider.decide(current, command, actor, now);
        } catch (DomainException.InvalidCommand refusal) {
            // one answer lists the decider's broken rules and the unknown references together
            List<Problem.FieldError> errors = new java.util.ArrayList<>(DomainProblems.of(refusal).problem().errors());
            errors.addAll(alsoInvalid);
            throw ProblemException.invalid("The extradition request or action breaks the rules listed in errors", errors);
        }
        if (!alsoInvalid.isEmpty()) {
            throw ProblemException.invalid("The extradition request or action breaks the rules listed in errors", alsoInvalid);
        }
        if (events.isEmpty()) {
            return new Outcome(current, List.of());
        }
        ExtraditionCase next = current;
        List<NewEvent> entries = new ArrayList<>();
        for (ExtraditionEvent event : events) {
            next = ExtraditionDecider.evolve(next, event);
            entries.add(codec.toLogEntry(next, event, actor));
        }
        ExtraditionEntity row = entity == null ? new ExtraditionEntity() : entity;
        write(row, next, now);
        if (entity == null) {
            repository.persist(row);
        }
        updateIndexes(current, next, now);
        return new Outcome(next, eventLog.append(entries));
    }

    /**
     * Keeps the indexes beside the case: its active transit States, and when the person sought changed
     * (a new case, or the formal request after a provisional arrest) its match keys and the open cases
     * at the same requested State that are likely about the same person (concurrent requests, model ECE 17).
     */
    private void updateIndexes(ExtraditionCase before, ExtraditionCase after, Instant now) {
        List<StateCode> transits = after.activeTransitStates();
        if (before == null ? !transits.isEmpty() : !before.activeTransitStates().equals(transits)) {
            repository.replaceTransitStates(after.id(), transits);
        }
        if (before != null && before.person().equals(after.person())) {
            return;
        }
        Set<String> keys = PersonMatcher.matchKeys(after.person());
        repository.replaceMatchKeys(after.id(), keys);
        // one search at a time per requested State, so two requests for one person arriving together find each other
        repository.lockPersonSearch(after.requestedState());
        for (ExtraditionEntity candidate : repository.openCasesSharingKeys(after.requestedState(), keys, after.id())) {
            if (PersonMatcher.likelySame(after.person(), read(candidate).person())) {
                repository.recordConcurrent(after.id(), candidate.id, now);
            }
        }
    }

    /** Checks that go beyond the case: references to MLA requests and evidence items, other cases named. */
    private List<Problem.FieldError> crossChecks(ExtraditionCase current, ExtraditionCommand command, StateCode actor) {
        if (command instanceof ExtraditionCommand.SubmitFormalRequest formal && formal.request() != null) {
            return documentReferences(current.requestingState(), formal.request().documents(), "request.documents");
        } else if (command instanceof ExtraditionCommand.ProvideSupplementaryInformation supplementary) {
            return documentReferences(current.requestingState(), supplementary.documents(), "documents");
        } else if (command instanceof ExtraditionCommand.RecordConcurrentRequests concurrent && concurrent.otherCaseIds() != null) {
            return casesOfRequestedState(actor, concurrent.otherCaseIds());
        }
        return List.of();
    }

    /**
     * A supporting document may name an MLA request or an evidence item: each must be known here (from
     * the local projections of their topics) and the requesting State must be party to it.
     */
    private List<Problem.FieldError> documentReferences(StateCode requesting, List<SupportingDocument> documents, String field) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; documents != null && i < documents.size(); i++) {
            SupportingDocument document = documents.get(i);
            if (document == null) {
                continue;
            }
            UUID request = document.mlaRequestId();
            if (request != null && knownRequests.find(request).filter(r -> r.isParty(requesting)).isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "].mlaRequestId",
                        "no MLA request " + request + " to which " + requesting + " is party is known"));
            }
            UUID item = document.evidenceItemId();
            if (item != null && knownItems.find(item).filter(known -> known.isParty(requesting)).isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "].evidenceItemId",
                        "no evidence item " + item + " handed over to or by " + requesting + " is known"));
            }
        }
        return errors;
    }

    /** The other cases a requested State weighs must be cases in which it is the requested State. */
    private List<Problem.FieldError> casesOfRequestedState(StateCode requested, List<UUID> caseIds) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < caseIds.size(); i++) {
            UUID other = caseIds.get(i);
            if (other != null && repository.findByIdOptional(other).filter(e -> e.requestedState.equals(requested.value())).isEmpty()) {
                errors.add(new Problem.FieldError("otherCaseIds[" + i + "]", "no extradition case " + other
                        + " in which " + requested + " is the requested State"));
            }
        }
        return errors;
    }

    static void write(ExtraditionEntity row, ExtraditionCase c, Instant now) {
        row.id = c.id();
        row.requestingState = c.requestingState().value();
        row.requestedState = c.requestedState().value();
        row.status = c.status().name();
        row.version = c.version();
        row.protectedPerson = Disclosure.isProtected(c);
        row.personLabel = Disclosure.label(c);
        row.openedAt = c.openedAt();
        row.updatedAt = now;
        row.nextDeadlineAt = earliestDeadlineEnd(c, false);
        row.nextReminderAt = earliestDeadlineEnd(c, true);
        row.state = JsonState.write(c);
    }

    /**
     * When the earliest deadline still running ends: the start of the day after its due date (deadlines
     * are calendar days); with {@code notReminded}, among those not reminded yet.
     */
    static Instant earliestDeadlineEnd(ExtraditionCase c, boolean notReminded) {
        Instant earliest = null;
        for (DeadlineKind kind : c.overdueAt(FAR_FUTURE)) {
            LocalDate due = c.dueDate(kind);
            if (due == null || (notReminded && c.remindedDeadlines().contains(kind))) {
                continue;
            }
            Instant end = due.plusDays(1).atStartOfDay(ExtraditionCase.DEADLINE_ZONE).toInstant();
            earliest = earliest == null || end.isBefore(earliest) ? end : earliest;
        }
        return earliest;
    }

    /** Who may see the case now: the requesting and requested States and the transit States involved. */
    static List<StateCode> parties(ExtraditionCase c) {
        List<StateCode> parties = new ArrayList<>(List.of(c.requestingState(), c.requestedState()));
        parties.addAll(c.activeTransitStates());
        return parties;
    }

    static ExtraditionCase read(ExtraditionEntity row) {
        return JsonState.read(row.state, ExtraditionCase.class);
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Extradition case " + id);
    }
}
