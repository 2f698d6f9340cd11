package org.mlaexchange.platform.write;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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
 */
@ApplicationScoped
public class Writes {

    private static final Logger LOG = Logger.getLogger(Writes.class);

    private final EventLog eventLog;
    private final EntityManager entityManager;
    private final int maxGroup;
    private final int writers;
    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    /** Until when (System.nanoTime) queued units fail at once: the database was just found out of reach. */
    private volatile long unreachableUntil;

    /** How long units fail without trying after the database was found out of reach. */
    static final long UNREACHABLE_BACKOFF_MS = 1_000;

    public Writes(EventLog eventLog, EntityManager entityManager, PlatformConfig config) {
        this.eventLog = eventLog;
        this.entityManager = entityManager;
        this.maxGroup = config.writes().maxGroup();
        this.writers = config.writes().writers();
    }

    /** A unit's result once committed, with the receipts of the events it appended (empty if none). */
    public record Written<T>(T value, List<Receipt> receipts) {
    }

    private static final class Unit<T> {
        final Supplier<T> work;
        final CompletableFuture<Written<T>> done = new CompletableFuture<>();
        T value;
        RuntimeException refusal;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            value = work.get();
        }

        void complete(List<Receipt> receipts) {
            if (refusal != null) {
                done.completeExceptionally(refusal);
            } else {
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
                    group.forEach(u -> u.done.completeExceptionally(databaseUnavailable()));
                } else {
                    commit(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                // commit() settles every unit; this is a last guard so the writer never dies
                LOG.error("write group failed unexpectedly", e);
                group.forEach(u -> u.done.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        Unit<?> left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(unavailable());
        }
    }

    private void commit(List<Unit<?>> group) {
        Map<Integer, List<Receipt>> receipts;
        try {
            receipts = QuarkusTransaction.requiringNew().call(() -> runGroup(group));
        } catch (RuntimeException failure) {
            if (ProblemMappers.databaseUnreachable(failure)) {
                // running each unit alone would only wait for the same absent database once per unit
                unreachableUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(UNREACHABLE_BACKOFF_MS);
                group.forEach(u -> u.done.completeExceptionally(failure));
                return;
            }
            if (group.size() == 1) {
                Unit<?> unit = group.get(0);
                unit.done.completeExceptionally(unit.refusal != null ? unit.refusal : failure);
                return;
            }
            LOG.debugf("a group of %d writes failed (%s); each runs alone", group.size(), failure.toString());
            for (Unit<?> unit : group) {
                unit.refusal = null;
                commit(List.of(unit));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(receipts.get(i));
        }
    }

    private Map<Integer, List<Receipt>> runGroup(List<Unit<?>> group) {
        StagedEvents staging = StagedEvents.open();
        try {
            for (int i = 0; i < group.size(); i++) {
                Unit<?> unit = group.get(i);
                staging.startUnit(i);
                try {
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
            return StagedEvents.byUnit(staged, eventLog.seal(staged));
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
