package org.mlaexchange.request.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlaexchange.request.api.RequestService;

/**
 * Overdue is computed, listed and evented, never silent: a job looks for deadlines that passed and
 * records one {@code deadline-overdue} event per deadline (the state remembers which were reminded).
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    private static final int BATCH = 200;

    private final RequestService requests;

    public DeadlineReminders(RequestService requests) {
        this.requests = requests;
    }

    @Scheduled(every = "${mla.deadlines.reminder-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remindAll();
    }

    /** Returns the number of reminder events recorded. */
    public int remindAll() {
        int reminded = 0;
        for (UUID id : requests.withDeadlinePassed(BATCH)) {
            try {
                reminded += requests.remindOverdue(id).size();
            } catch (RuntimeException e) {
                LOG.warnf("deadline reminder for request %s failed, will retry: %s", id, e.toString());
            }
        }
        return reminded;
    }
}
