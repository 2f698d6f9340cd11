package org.mlaexchange.extradition.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.extradition.domain.ExtraditionAction;
import org.mlaexchange.platform.seal.RetentionKind;
import org.mlaexchange.contracts.seal.ErasureReason;
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
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.write.CaseKind;
import org.mlaexchange.platform.write.CaseWrites;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.DomainProblems;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.projection.KnownRequests;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.platform.store.DueCursor;

/**
 * Extradition cases on the shared write path ({@link CaseWrites}): each command is decided (with the
 * checks that reach beyond the case), evolved, stored with its indexes (transit States, the person's
 * match keys, concurrent requests found) and appended as one unit of a group commit. On any error
 * nothing is kept.
 */
@ApplicationScoped
public class ExtraditionService implements CaseKind<ExtraditionCase, ExtraditionCommand, ExtraditionEvent> {

    /** A moment after every due date a case can hold: asks the case for every deadline still running. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final ExtraditionRepository repository;
    private final ExtraditionDecider decider;
    private final CaseWrites writes;
    private final ExtraditionEventCodec codec;
    private final KnownRequests knownRequests;
    private final KnownEvidenceItems knownItems;
    private final Clock clock;

    public ExtraditionService(ExtraditionRepository repository, ExtraditionDecider decider, CaseWrites writes,
                              ExtraditionEventCodec codec, KnownRequests knownRequests, KnownEvidenceItems knownItems, Clock clock) {
        this.repository = repository;
        this.decider = decider;
        this.writes = writes;
        this.codec = codec;
        this.knownRequests = knownRequests;
        this.knownItems = knownItems;
        this.clock = clock;
    }

    /** Opens a case: a formal request or a request for provisional arrest, by the caller's State. */
    public Writes.Written<ExtraditionCase> open(Caller caller, ExtraditionCommand opening) {
        return writes.open(this, caller, opening);
    }

    public Writes.Written<ExtraditionCase> act(Caller caller, UUID id, String ifMatch, ExtraditionCommand command) {
        return writes.act(this, caller, id, ifMatch, command);
    }

    /** Emits the reminders due on one case; no change when none is due (each deadline is reminded once). */
    public List<Receipt> remindOverdue(UUID id) {
        return bySystem(id, new ExtraditionCommand.RecordOverdueDeadlines()).receipts();
    }

    /**
     * Extradition cases under the operator's retention rule (platform RetentionRule): settled where the requesting
     * State may erase them, erased by the same command with no acting State.
     */
    @Produces
    @Singleton
    RetentionKind retention() {
        return RetentionKind.of("extradition case", "extradition_case", ExtraditionAction.ERASE_PERSONAL_DATA.allowedFrom(),
                id -> bySystem(id, new ExtraditionCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED)));
    }

    /** A command the Exchange itself takes on a case (no acting State, no version to match). */
    public Writes.Written<ExtraditionCase> bySystem(UUID id, ExtraditionCommand command) {
        return writes.bySystem(this, id, command);
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ExtraditionEntity> listByDue(ExtraditionRepository.Filter filter, DueCursor after, int limit) {
        return repository.pageByDue(filter, after, limit);
    }

    // --- the extradition case as a kind of case on the write path

    @Override
    public String label() {
        return "Extradition case";
    }

    @Override
    public Optional<ExtraditionCase> lock(UUID id) {
        return repository.findForUpdate(id).map(ExtraditionService::read);
    }

    @Override
    public boolean isParty(ExtraditionCase c, StateCode actor) {
        return c.isParty(actor);
    }

    @Override
    public int version(ExtraditionCase c) {
        return c.version();
    }

    @Override
    public List<ExtraditionEvent> decide(ExtraditionCase current, ExtraditionCommand command, StateCode actor, Instant now) {
        List<Problem.FieldError> alsoInvalid = current == null ? openingReferences(actor, command) : crossChecks(current, command, actor);
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
        return events;
    }

    /**
     * As the decider evolves it, but an erasure first destroys the case's data key (in the unit's
     * transaction) and folds the history again, so the stored case keeps "erased" in place of every
     * personal text, exactly as any later replay of the log reads it.
     */
    @Override
    public ExtraditionCase evolve(ExtraditionCase c, ExtraditionEvent event) {
        if (event instanceof ExtraditionEvent.PersonalDataErased erased) {
            ExtraditionCase blanked = codec.erase(erased);
            if (blanked.version() != c.version()) {
                throw new IllegalStateException("extradition case " + c.id() + " folds to version " + blanked.version()
                        + ", stored " + c.version());
            }
            return ExtraditionDecider.evolve(blanked, event);
        }
        return ExtraditionDecider.evolve(c, event);
    }

    @Override
    public NewEvent logEntry(ExtraditionCase after, ExtraditionEvent event, StateCode actor) {
        return codec.toLogEntry(after, event, actor);
    }

    @Override
    public void store(ExtraditionCase before, ExtraditionCase after, Instant now) {
        ExtraditionEntity row = before == null ? new ExtraditionEntity() : repository.findById(after.id());
        write(row, after, now);
        if (before == null) {
            repository.persist(row);
        }
        updateIndexes(before, after, now);
    }

    private List<Problem.FieldError> openingReferences(StateCode requesting, ExtraditionCommand opening) {
        return opening instanceof ExtraditionCommand.SubmitExtraditionRequest submit && submit.request() != null
                ? documentReferences(requesting, submit.request().documents(), "request.documents") : List.of();
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
        if (after.erasure() != null) {
            // the match keys are the person's data in the service's own index: they go with the erasure
            repository.replaceMatchKeys(after.id(), Set.of());
            return;
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
