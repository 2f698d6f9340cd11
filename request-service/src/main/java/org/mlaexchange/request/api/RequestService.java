package org.mlaexchange.request.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.contracts.request.RequestEvent;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.request.domain.MlaRequest;
import org.mlaexchange.request.domain.RequestCommand;
import org.mlaexchange.request.domain.RequestDecider;
import org.mlaexchange.request.events.RequestEventCodec;
import org.mlaexchange.request.store.RequestEntity;
import org.mlaexchange.request.store.RequestRepository;

/**
 * Carries out a command on a request in one transaction: decide, evolve, store the new state and
 * append its events to the log (the outbox). On any error nothing is kept.
 */
@ApplicationScoped
public class RequestService {

    /** Far enough ahead that every running deadline has passed, near enough for calendar arithmetic. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final RequestRepository repository;
    private final RequestDecider decider;
    private final EventLog eventLog;
    private final RequestEventCodec codec;
    private final Clock clock;

    public RequestService(RequestRepository repository, RequestDecider decider, EventLog eventLog, RequestEventCodec codec, Clock clock) {
        this.repository = repository;
        this.decider = decider;
        this.eventLog = eventLog;
        this.codec = codec;
        this.clock = clock;
    }

    /** A request after a change, with the receipts of the events that recorded it. */
    public record Outcome(MlaRequest request, List<Receipt> receipts) {
    }

    @Transactional
    public Outcome submit(Caller caller, RequestCommand.Submit command) {
        return apply(null, null, command, caller.actingState());
    }

    @Transactional
    public Outcome act(Caller caller, UUID id, String ifMatch, RequestCommand command) {
        RequestEntity entity = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        MlaRequest current = read(entity);
        if (!current.isParty(caller.actingState())) {
            throw notFound(id);
        }
        Versions.requireMatch(ifMatch, current.version());
        return apply(entity, current, command, caller.actingState());
    }

    /** Emits the reminders due on one request; no change when none is due (at most once per deadline). */
    @Transactional
    public List<Receipt> remindOverdue(UUID id) {
        RequestEntity entity = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        return apply(entity, read(entity), new RequestCommand.RecordOverdueDeadlines(), null).receipts();
    }

    /** Requests with a deadline past due, for the reminder job. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> withDeadlinePassed(int limit) {
        return repository.withDeadlinePassed(clock.instant(), limit);
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

    private Outcome apply(RequestEntity entity, MlaRequest current, RequestCommand command, StateCode actor) {
        Instant now = clock.instant();
        List<RequestEvent> events = decider.decide(current, command, actor, now);
        if (events.isEmpty()) {
            return new Outcome(current, List.of());
        }
        MlaRequest next = current;
        List<org.mlaexchange.platform.eventlog.NewEvent> entries = new ArrayList<>();
        for (RequestEvent event : events) {
            next = RequestDecider.evolve(next, event);
            entries.add(codec.toLogEntry(next, event, actor));
        }
        RequestEntity target = entity == null ? new RequestEntity() : entity;
        write(target, next, now);
        if (entity == null) {
            repository.persist(target);
        }
        return new Outcome(next, eventLog.append(entries));
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
        entity.state = JsonState.write(request);
    }

    /** When the earliest deadline still running passes: the end of its due date (deadlines are calendar days). */
    static Instant nextDeadline(MlaRequest request) {
        return request.overdueAt(END_OF_TIME).stream()
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
