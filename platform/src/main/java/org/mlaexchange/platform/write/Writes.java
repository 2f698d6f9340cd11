package org.mlaexchange.platform.write;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.mlaexchange.contracts.rules.DomainException;
import org.mlaexchange.platform.PlatformConfig;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;
import org.mlaexchange.platform.problem.ProblemMappers;
import org.mlaexchange.platform.tracing.EventTraces;

/**
 * The one write path of every service: a change is a unit of work (load with lock, decide, evolve,
 * store, append) run by a writer thread in a group commit. A writer takes the units queued meanwhile
 * and runs them one after another in one transaction, chains all their events under one hold of the
 * log head's lock as the transaction's last statements, and commits once; each caller then gets its
 * result and the receipts of its events. A few writers overlap one group's commit with the next
 * group's work. One commit for many changes is what lets the chained log keep pace
 * with PostgreSQL (docs/decisions.md, "One write path, group commit").
 * <p>
 * A unit refused by the rules (a problem or domain exception) has changed nothing, since a unit decides
 * before it writes; it fails alone. Any other failure rolls the whole group back and each unit is run
 * again in a transaction of its own, so one bad change never takes the others with it, except when the
 * database is out of reach: then every unit of the group fails at once (503), and for a short while
 * ({@link #UNREACHABLE_BACKOFF_MS}) units queued after it fail without trying, so no caller waits behind
 * one connection attempt after another (issue 13: a 503 within 2 s, not a queue of timeouts).
 * <p>
 * When the database goes away during the COMMIT itself, the group may have been kept all the same. Its
 * outcome is looked up ({@link CommitOutcomes}) for up to {@link #OUTCOME_WAIT}: kept, its callers get their
 * results; not kept, a 503 that says nothing was changed; still unknown, a 503 that says so and names the
 * cases to look up before trying again, never "nothing was changed" for a change that may be in the log.
 */
@ApplicationScoped
public class Writes {

    private static final Logger LOG = Logger.getLogger(Writes.class);

    private final EventLog eventLog;
    private final CommitOutcomes outcomes;
    private final EntityManager entityManager;
    private final EventTraces traces;
    private final int maxGroup;
    private final int writers;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    /** Until when (System.nanoTime) queued units fail at once: the database was just found out of reach. */
    private volatile long unreachableUntil;

    /** How long units fail without trying after the database was found out of reach. */
    static final long UNREACHABLE_BACKOFF_MS = 1_000;
    /** How long a caller waits for the outcome of a commit whose answer was lost before being told it is unknown. */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(1);

    public Writes(EventLog eventLog, CommitOutcomes outcomes, EntityManager entityManager, PlatformConfig config,
                  EventTraces traces) {
        this.eventLog = eventLog;
        this.outcomes = outcomes;
        this.entityManager = entityManager;
        this.traces = traces;
        this.maxGroup = config.writes().maxGroup();
        this.writers = config.writes().writers();
    }

    /** A unit's result once committed, with the receipts of the events it appended (empty if none). */
    public record Written<T>(T value, List<Receipt> receipts) {
    }

    private static final class Unit<T> {
        final Supplier<T> work;
        final CompletableFuture<Written<T>> done = new CompletableFuture<>();
        // the caller's trace (its HTTP request), taken on the caller's thread: the writer thread has none
        final Context caller = Context.current();
        Span span;
        T value;
        RuntimeException refusal;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        void fail(Throwable failure) {
            if (failure == refusal) {
                EventTraces.endRefused(span);
            } else {
                EventTraces.end(span, failure);
            }
            span = null;
            done.completeExceptionally(failure);
        }

        void run() {
            value = work.get();
        }

        void complete(List<Receipt> receipts) {
            if (refusal != null) {
                fail(refusal);
            } else {
                EventTraces.end(span, null);
                span = null;
                done.complete(new Written<>(value, receipts == null ? List.of() : List.copyOf(receipts)));
            }
        }
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        for (int i = 1; i <= writers; i++) {
            Thread writer = new Thread(this::loop, "mla-writer-" + i);
            writer.setDaemon(true);
            writerThreads.add(writer);
            writer.start();
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        writerThreads.forEach(Thread::interrupt);
    }

    /**
     * Runs the unit in the next group commit and waits for its commit. The unit must not use
     * request-scoped beans (it runs on the writer thread): pass it the caller and the input.
     */
    public <T> Written<T> run(Supplier<T> work) {
        if (writerThreads.contains(Thread.currentThread())) {
            throw new IllegalStateException("a write unit cannot start another");
        }
        Unit<T> unit = new Unit<>(work);
        queue.add(unit);
        try {
            return unit.done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Unit<?>> group = new ArrayList<>();
        while (running) {
            try {
                Unit<?> first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                if (System.nanoTime() - unreachableUntil < 0) {
                    group.forEach(u -> u.fail(databaseUnavailable()));
                } else {
                    commit(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // commit() settles every unit; this is a last guard so the writer never dies
                LOG.error("write group failed unexpectedly", e);
                group.forEach(u -> u.fail(e));
            } finally {
                group.clear();
            }
        }
        Unit<?> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(unavailable());
        }
    }

    /** What a group's transaction did before its COMMIT: the receipts by unit and the sealing transaction's id. */
    private static final class Attempt {
        Map<Integer, List<Receipt>> receipts;
        String transaction;
    }

    private void commit(List<Unit<?>> group) {
        Map<Integer, List<Receipt>> receipts;
        Attempt attempt = new Attempt();
        try {
            receipts = QuarkusTransaction.requiringNew().call(() -> runGroup(group, attempt));
        } catch (RuntimeException failure) {
            if (ProblemMappers.databaseUnreachable(failure)) {
                // running each unit alone would only wait for the same absent database once per unit
                unreachableUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UNREACHABLE_BACKOFF_MS);
                if (attempt.receipts != null) {
                    settleLostCommit(group, attempt, failure);
                } else {
                    group.forEach(u -> u.fail(failure));
                }
                return;
            }
            if (group.size() == 1) {
                Unit<?> unit = group.get(0);
                unit.fail(unit.refusal != null ? unit.refusal : failure);
                return;
            }
            LOG.debugf("a group of %d writes failed (%s); each runs alone", group.size(), failure.toString());
            for (Unit<?> unit : group) {
                // this attempt's span ends here; the unit's own group gets a span of its own
                EventTraces.end(unit.span, failure);
                unit.span = null;
                unit.refusal = null;
                commit(List.of(unit));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(receipts.get(i));
        }
    }

    /** The group ran to its COMMIT and the database went away meanwhile: the commit may have been kept. */
    private void settleLostCommit(List<Unit<?>> group, Attempt attempt, RuntimeException failure) {
        Receipt first = attempt.receipts.values().stream().flatMap(List::stream).findFirst().orElse(null);
        // without an event there is nothing to look the outcome up by (every change appends one)
        CommitOutcomes.Outcome outcome = first == null ? CommitOutcomes.Outcome.UNKNOWN
                : outcomes.resolve(first.eventId(), attempt.transaction, OUTCOME_WAIT);
        LOG.warnf("the database went away during the commit of a group of %d writes (transaction %s): %s",
                group.size(), attempt.transaction, outcome);
        if (outcome != CommitOutcomes.Outcome.UNKNOWN) {
            // the database answered the look-up: it is back, and units need not fail without trying
            unreachableUntil = System.nanoTime();
        }
        switch (outcome) {
            case KEPT -> {
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).complete(attempt.receipts.get(i));
                }
            }
            case NOT_KEPT -> group.forEach(u -> u.fail(failure));
            case UNKNOWN -> {
                for (int i = 0; i < group.size(); i++) {
                    Unit<?> unit = group.get(i);
                    // a refused unit changed nothing
                    unit.fail(unit.refusal != null ? unit.refusal : outcomeUnknown(attempt.receipts.getOrDefault(i, List.of())));
                }
                if (first != null) {
                    outcomes.followUp(first.eventId(), attempt.transaction, attempt.receipts.values().stream()
                            .flatMap(List::stream).map(Receipt::caseId).distinct().toList());
                }
            }
        }
    }

    private static ProblemException outcomeUnknown(List<Receipt> receipts) {
        List<String> cases = receipts.stream().map(Receipt::caseId).distinct().toList();
        return new ProblemException(Problem.of(503, "outcome-unknown", "Outcome unknown",
                "The service's database went away while this change was being committed, so it may have been kept."
                        + (cases.isEmpty() ? " Look at what it changed" : " Look up the cases named here")
                        + " before trying again: trying again at once could make it twice", null)
                .withCases(cases));
    }

    private Map<Integer, List<Receipt>> runGroup(List<Unit<?>> group, Attempt attempt) {
        StagedEvents staging = StagedEvents.open();
        try {
            for (int i = 0; i < group.size(); i++) {
                Unit<?> unit = group.get(i);
                staging.startUnit(i);
                unit.span = traces.startWrite(unit.caller, group.size());
                // current while the unit runs, so the events it appends are stored with this span's context
                try (Scope ignored = unit.span.makeCurrent()) {
                    unit.run();
                    // the next unit reads what this one wrote, as it would after a commit
                    entityManager.flush();
                } catch (ProblemException | DomainException refusal) {
                    if (staging.currentUnitAppended()) {
                        throw refusal;
                    }
                    unit.refusal = refusal;
                    // whatever the refused unit loaded or touched is dropped; the units before it are flushed
                    entityManager.clear();
                }
            }
            List<EventLog.Staged> staged = List.copyOf(staging.events());
            EventLog.Sealed sealed = eventLog.seal(staged);
            // all that is left is the COMMIT: from here a failure may not mean nothing was kept
            attempt.transaction = sealed.transaction();
            attempt.receipts = StagedEvents.byUnit(staged, sealed.receipts());
            return attempt.receipts;
        } finally {
            StagedEvents.close();
        }
    }

    private static ProblemException databaseUnavailable() {
        return new ProblemException(ProblemMappers.databaseUnavailable());
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "shutting-down", "Service unavailable",
                "The service is stopping; nothing of this change was kept", null));
    }
}
