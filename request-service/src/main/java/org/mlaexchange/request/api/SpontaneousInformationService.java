package org.mlaexchange.request.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.SpontaneousInformationEvent;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.seal.RetentionKind;
import org.mlaexchange.platform.store.JsonState;
import org.mlaexchange.platform.write.CaseKind;
import org.mlaexchange.platform.write.CaseWrites;
import org.mlaexchange.platform.write.Writes;
import org.mlaexchange.request.domain.SpontaneousAction;
import org.mlaexchange.request.domain.SpontaneousCommand;
import org.mlaexchange.request.domain.SpontaneousDecider;
import org.mlaexchange.request.domain.SpontaneousInformationCase;
import org.mlaexchange.request.events.RequestEventCodec;
import org.mlaexchange.request.events.SpontaneousEventCodec;
import org.mlaexchange.request.store.SpontaneousInformationEntity;
import org.mlaexchange.request.store.SpontaneousInformationRepository;

/** Spontaneous information on the shared write path ({@link CaseWrites}), its events in the same log as the requests'. */
@ApplicationScoped
public class SpontaneousInformationService
        implements CaseKind<SpontaneousInformationCase, SpontaneousCommand, SpontaneousInformationEvent> {

    private final SpontaneousInformationRepository repository;
    private final SpontaneousDecider decider;
    private final CaseWrites writes;
    private final RequestEventCodec codec;
    private final Clock clock;

    public SpontaneousInformationService(SpontaneousInformationRepository repository, SpontaneousDecider decider, CaseWrites writes,
                                         RequestEventCodec codec, Clock clock) {
        this.repository = repository;
        this.decider = decider;
        this.writes = writes;
        this.codec = codec;
        this.clock = clock;
    }

    public Writes.Written<SpontaneousInformationCase> send(Caller caller, SpontaneousCommand.Send command) {
        return writes.open(this, caller, command);
    }

    public Writes.Written<SpontaneousInformationCase> act(Caller caller, UUID id, String ifMatch, SpontaneousCommand command) {
        return writes.act(this, caller, id, ifMatch, command);
    }

    /**
     * Spontaneous information under the operator's retention rule (platform RetentionRule): settled where the
     * providing State may erase it (returned or closed), erased by the same command with no acting State.
     */
    @Produces
    @Singleton
    RetentionKind retention() {
        return RetentionKind.of("spontaneous information", "spontaneous_information", SpontaneousAction.ERASE_PERSONAL_DATA.allowedFrom(),
                id -> writes.bySystem(this, id, new SpontaneousCommand.ErasePersonalData(ErasureReason.RETENTION_PERIOD_ENDED)));
    }

    /**
     * Records the reminders due on one case (at most once per due date); when none was due its next reminder time is
     * set again, so that it leaves the job's queue.
     */
    public List<Receipt> remindOverdue(UUID id) {
        Writes.Written<SpontaneousInformationCase> written = writes.bySystem(this, id, new SpontaneousCommand.RecordOverdueDeadlines());
        if (written.receipts().isEmpty()) {
            repository.rescheduleReminder(id, written.value().nextReminderAt());
        }
        return written.receipts();
    }

    /** Cases with a deadline passed and not reminded yet, for the reminder job. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> withReminderDue(int limit) {
        return repository.withReminderDue(clock.instant(), limit);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SpontaneousInformationCase get(Caller caller, UUID id) {
        SpontaneousInformationCase c = repository.findByIdOptional(id).map(SpontaneousInformationService::read)
                .orElseThrow(() -> notFound(id));
        if (!caller.maySee(List.of(c.providingState(), c.receivingState()))) {
            throw notFound(id);
        }
        return c;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SpontaneousInformationEntity> list(SpontaneousInformationRepository.Filter filter, Long after, int limit) {
        return repository.page(filter, after, limit);
    }

    // --- spontaneous information as a kind of case on the write path

    @Override
    public String label() {
        return "Spontaneous information";
    }

    @Override
    public Optional<SpontaneousInformationCase> lock(UUID id) {
        return repository.findForUpdate(id).map(SpontaneousInformationService::read);
    }

    @Override
    public boolean isParty(SpontaneousInformationCase c, StateCode actor) {
        return c.isParty(actor);
    }

    @Override
    public int version(SpontaneousInformationCase c) {
        return c.version();
    }

    @Override
    public List<SpontaneousInformationEvent> decide(SpontaneousInformationCase current, SpontaneousCommand command, StateCode actor,
                                                    Instant now) {
        return decider.decide(current, command, actor, now);
    }

    /**
     * As the decider evolves it, but an erasure first destroys the information's data key (in the unit's transaction)
     * and folds the case again, as a request's ({@link RequestService#evolve}): the stored case then reads "erased".
     */
    @Override
    public SpontaneousInformationCase evolve(SpontaneousInformationCase c, SpontaneousInformationEvent event) {
        if (event instanceof SpontaneousInformationEvent.PersonalDataErased erased) {
            return SpontaneousDecider.evolve(CaseKind.refolded(this, c, codec.erase(erased)), event);
        }
        return SpontaneousDecider.evolve(c, event);
    }

    @Override
    public NewEvent logEntry(SpontaneousInformationCase after, SpontaneousInformationEvent event, StateCode actor) {
        return SpontaneousEventCodec.toLogEntry(after, event, actor);
    }

    @Override
    public void store(SpontaneousInformationCase before, SpontaneousInformationCase after, Instant now) {
        SpontaneousInformationEntity entity = before == null ? new SpontaneousInformationEntity() : repository.findById(after.id());
        entity.id = after.id();
        entity.providingState = after.providingState().value();
        entity.receivingState = after.receivingState().value();
        entity.status = after.status().name();
        entity.confidential = after.confidential();
        entity.version = after.version();
        entity.sentAt = after.sentAt();
        entity.updatedAt = now;
        entity.nextReminderAt = after.nextReminderAt();
        entity.state = JsonState.write(after);
        if (before == null) {
            repository.persist(entity);
        }
    }

    static SpontaneousInformationCase read(SpontaneousInformationEntity entity) {
        return JsonState.read(entity.state, SpontaneousInformationCase.class);
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Spontaneous information " + id);
    }
}
