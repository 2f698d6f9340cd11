package org.mlaexchange.platform.write;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Tells whether a group commit whose COMMIT got no answer (the connection broke, the database stopped) was
 * kept. The database may have made the commit durable and gone before it said so, so the failure alone does
 * not say that nothing was changed: a caller told "nothing was kept, try again" would submit the same
 * request twice. The group's first event is looked for in the log (its events and its changes commit
 * together), and its transaction's status in the database: the event there means kept; no event and the
 * transaction aborted, or its id not yet given out (the database restarted without it), means not kept.
 * Anything else (the database still out of reach, the transaction still finishing) is unknown for now.
 */
@ApplicationScoped
public class CommitOutcomes {

    private static final Logger LOG = Logger.getLogger(CommitOutcomes.class);

    /** What became of a commit whose answer was lost. */
    public enum Outcome { KEPT, NOT_KEPT, UNKNOWN }

    // an id at or past the snapshot's xmax was never given out by this cluster: its transaction left no trace
    private static final String LOOK_UP = """
            SELECT EXISTS (SELECT 1 FROM event_log WHERE event_id = ?::uuid),
                   CASE WHEN ?::xid8 < pg_snapshot_xmax(pg_current_snapshot()) THEN pg_xact_status(?::xid8) END""";

    private static final long RETRY_MS = 100;
    /** How long the outcome is looked for after the callers were told it is unknown, for the operator's log. */
    static final Duration FOLLOW_UP = Duration.ofMinutes(15);

    private final DataSource dataSource;
    private final ScheduledExecutorService followUps = Executors.newSingleThreadScheduledExecutor(daemon("mla-commit-outcomes"));
    // a look-up waits for a connection up to the pool's acquisition timeout: run there, it cannot hold the caller longer
    private final ExecutorService lookUps = Executors.newCachedThreadPool(daemon("mla-commit-look-up"));

    public CommitOutcomes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop(@Observes ShutdownEvent ignored) {
        followUps.shutdownNow();
        lookUps.shutdownNow();
    }

    /** Looks the outcome up once: the first event of the group and the transaction that stored it. */
    public Outcome lookUp(String eventId, String transaction) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(LOOK_UP)) {
            query.setString(1, eventId);
            query.setString(2, transaction);
            query.setString(3, transaction);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return Outcome.KEPT;
                }
                String status = rs.getString(2);
                // "committed" without the event: another transaction got the id after a restart; wait and see
                return status == null || status.equals("aborted") ? Outcome.NOT_KEPT : Outcome.UNKNOWN;
            }
        } catch (SQLException e) {
            return Outcome.UNKNOWN;
        }
    }

    /** Looks the outcome up until it is known or {@code within} has passed, and no longer. */
    public Outcome resolve(String eventId, String transaction, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                Future<Outcome> attempt = lookUps.submit(() -> lookUp(eventId, transaction));
                Outcome outcome;
                try {
                    outcome = attempt.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    attempt.cancel(true);
                    return Outcome.UNKNOWN;
                }
                if (outcome != Outcome.UNKNOWN || deadline - System.nanoTime() < TimeUnit.MILLISECONDS.toNanos(RETRY_MS)) {
                    return outcome;
                }
                Thread.sleep(RETRY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        } catch (ExecutionException | RejectedExecutionException e) {
            return Outcome.UNKNOWN;
        }
    }

    /**
     * Once the callers of a group were told its outcome is unknown, keeps looking in the background and logs
     * what it was, with the cases, so the operator can tell their central authorities.
     */
    public void followUp(String eventId, String transaction, List<String> cases) {
        long deadline = System.nanoTime() + FOLLOW_UP.toNanos();
        Runnable[] attempt = new Runnable[1];
        attempt[0] = () -> {
            Outcome outcome = lookUp(eventId, transaction);
            if (outcome == Outcome.KEPT) {
                LOG.warnf("the commit of cases %s (transaction %s), whose callers were told its outcome was unknown, was kept",
                        cases, transaction);
            } else if (outcome == Outcome.NOT_KEPT) {
                LOG.infof("the commit of cases %s (transaction %s), whose callers were told its outcome was unknown, was not kept",
                        cases, transaction);
            } else if (System.nanoTime() - deadline < 0) {
                inASecond(attempt[0]);
            } else {
                LOG.errorf("the outcome of the commit of cases %s (transaction %s) is still unknown after %s", cases,
                        transaction, FOLLOW_UP);
            }
        };
        inASecond(attempt[0]);
    }

    private void inASecond(Runnable attempt) {
        try {
            followUps.schedule(attempt, 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            // the service is stopping: the outcome is in the log's history, not in this one's memory
        }
    }
}
