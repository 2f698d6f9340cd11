package org.mlaexchange.request.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlaexchange.request.DeadlineConfig;
import org.mlaexchange.request.api.RequestService;

/**
 * Overdue is computed, listed and evented, never silent: a job takes the requests whose next reminder
 * time passed, longest waiting first, and records one {@code deadline-overdue} event per deadline (the
 * state remembers which were reminded, and the next reminder time moves on, so no request waits behind
 * a batch of others).
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    /** A run stops after this many batches; the rest waits for the next run. */
    private static final int BATCHES_PER_RUN = 50;

    private final RequestService requests;
    private final int batch;

    public DeadlineReminders(RequestService requests, DeadlineConfig config) {
        this.requests = requests;
        this.batch = config.reminderBatch();
    }

    @Scheduled(every = "${mla.deadlines.reminder-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int recorded = remindAll();
        if (recorded > 0) {
            LOG.infof("%d request deadline reminders recorded", recorded);
        }
    }

    /** Records the reminders due now, batch after batch; returns the number of reminder events recorded. */
    public int remindAll() {
        int reminded = 0;
        for (int run = 0; run < BATCHES_PER_RUN; run++) {
            List<UUID> due = requests.withReminderDue(batch);
            for (UUID id : due) {
                try {
                    reminded += requests.remindOverdue(id).size();
                } catch (RuntimeException e) {
                    LOG.warnf("deadline reminder for request %s failed, will retry: %s", id, e.toString());
                }
            }
            if (due.size() < batch) {
                break;
            }
        }
        return reminded;
    }
}
