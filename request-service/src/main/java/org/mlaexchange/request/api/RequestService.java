package org.mlaexchange.request.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.platform.seal.RetentionKind;
import org.mlaexchange.request.domain.RequestAction;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.write.CaseKind;
import org.mlaexchange.platform.write.CaseWrites;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestCommand;
import org.mlaexchange.request.domain.RequestDecider;
import org.mlaexchange.request.events.RequestEventCodec;
import org.mlaexchange.request.store.RequestEntity;
import org.mlaexchange.request.store.RequestRepository;

/**
 * MLA requests on the shared write path ({@link CaseWrites}): each command is decided, evolved, stored
 * and appended as one unit of a group commit. On any error nothing is kept.
 */
@ApplicationScoped
public class RequestService implements CaseKind<MlaRequest, RequestCommand, RequestEvent> {

    /** Far enough ahead that every running deadline has passed, near enough for calendar arithmetic. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final RequestRepository repository;
    private final RequestDecider decider;
    private final CaseWrites writes;
    private final RequestEventCodec codec;
    private final Clock clock;

    public RequestService(RequestRepository repository, RequestDecider decider, CaseWrites writes, RequestEventCodec codec, Clock clock) {
        this.repository = repository;
        this.decider = decider;
        this.writes = writes;
        this.codec = codec;
        this.clock = clock;
    }

    public Writes.Written<MlaRequest> submit(Caller caller, RequestCommand.Submit command) {
        return writes.open(this, caller, command);
    }

    public Writes.Written<MlaRequest> act(Caller caller, UUID id, String ifMatch, RequestCommand command) {
        return writes.act(this, caller, id, ifMatch, command);
    }

    /**
     * Requests under the operator's retention rule (platform RetentionRule): settled where the requesting State may
     * erase them, erased by the same command with no acting State. Spontaneous information has a kind of its own
     * ({@link SpontaneousInformationService#retention}).
     */
    @Produces
    @Singleton
    RetentionKind retention() {
        return RetentionKind.of("request", "mla_request", RequestAction.ERASE_PERSONAL_DATA.allowedFrom(),
                id -> bySystem(id, new RequestCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED)));
    }

    /** A command the Exchange itself takes on a request (no acting State, no version to match). */
    public Writes.Written<MlaRequest> bySystem(UUID id, RequestCommand command) {
        return writes.bySystem(this, id, command);
    }

    /**
     * Emits the reminders due on one request; no change when none is due (at most once per deadline).
     * When none was due its next reminder time is set again, so that it leaves the job's queue.
     */
    public List<Receipt> remindOverdue(UUID id) {
        Writes.Written<MlaRequest> written = bySystem(id, new RequestCommand.RecordOverdueDeadlines());
        if (written.receipts().isEmpty()) {
            repository.rescheduleReminder(id, nextReminder(written.value()));
        }
        return written.receipts();
    }

    /** Requests with a deadline passed and not reminded yet, for the reminder job. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> withReminderDue(int limit) {
        return repository.withReminderDue(clock.instant(), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MlaRequest get(Caller caller, UUID id) {
        MlaRequest request = repository.findByIdOptional(id).map(RequestService::read).orElseThrow(() -> notFound(id));
        if (!caller.maySee(List.of(request.requestingState(), request.requestedState()))) {
            throw notFound(id);
        }
        return request;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestEntity> list(RequestRepository.Filter filter, Long after, int limit) {
        return repository.page(filter, after, limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RequestEntity> listByDue(RequestRepository.Filter filter, org.mlaexchange.platform.store.DueCursor after, int limit) {
        return repository.pageByDue(filter, after, limit);
    }

    // --- the request as a kind of case on the write path

    @Override
    public String label() {
        return "Request";
    }

    @Override
    public Optional<MlaRequest> lock(UUID id) {
        return repository.findForUpdate(id).map(RequestService::read);
    }

    @Override
    public boolean isParty(MlaRequest request, StateCode actor) {
        return request.isParty(actor);
    }

    @Override
    public int version(MlaRequest request) {
        return request.version();
    }

    @Override
    public List<RequestEvent> decide(MlaRequest current, RequestCommand command, StateCode actor, Instant now) {
        return decider.decide(current, command, actor, now);
    }

    /**
     * As the decider evolves it, but an erasure first destroys the request's data key (in the unit's
     * transaction) and folds the history again, so the stored request keeps "erased" in place of every
     * personal text, exactly as any later replay of the log will read it.
     */
    @Override
    public MlaRequest evolve(MlaRequest request, RequestEvent event) {
        if (event instanceof RequestEvent.PersonalDataErased erased) {
            return RequestDecider.evolve(CaseKind.refolded(this, request, codec.erase(request.id().toString(), erased)), event);
        }
        return RequestDecider.evolve(request, event);
    }

    @Override
    public NewEvent logEntry(MlaRequest after, RequestEvent event, StateCode actor) {
        return codec.toLogEntry(after, event, actor);
    }

    @Override
    public void store(MlaRequest before, MlaRequest after, Instant now) {
        RequestEntity entity = before == null ? new RequestEntity() : repository.findById(after.id());
        write(entity, after, now);
        if (before == null) {
            repository.persist(entity);
        }
    }

    static void write(RequestEntity entity, MlaRequest request, Instant now) {
        entity.id = request.id();
        entity.requestingState = request.requestingState().value();
        entity.requestedState = request.requestedState().value();
        entity.status = request.status().name();
        entity.urgent = request.urgent();
        entity.confidential = request.confidential();
        entity.version = request.version();
        entity.submittedAt = request.submittedAt();
        entity.updatedAt = now;
        entity.nextDeadlineAt = nextDeadline(request);
        entity.nextReminderAt = nextReminder(request);
        entity.state = JsonState.write(request);
    }

    /** When the earliest deadline still running passes: the end of its due date (deadlines are calendar days). */
    static Instant nextDeadline(MlaRequest request) {
        return deadlineEnd(request, false);
    }

    /** When the earliest deadline not reminded yet passes (already passed, for a reminder still due). */
    static Instant nextReminder(MlaRequest request) {
        return deadlineEnd(request, true);
    }

    private static Instant deadlineEnd(MlaRequest request, boolean notReminded) {
        return request.overdueAt(END_OF_TIME).stream()
                .filter(kind -> !notReminded || !request.remindedDeadlines().contains(kind))
                .map(request::dueDate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .map(due -> due.plusDays(1).atStartOfDay(MlaRequest.DEADLINE_ZONE).toInstant())
                .orElse(null);
    }

    static MlaRequest read(RequestEntity entity) {
        return JsonState.read(entity.state, MlaRequest.class);
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Request " + id);
    }
}
