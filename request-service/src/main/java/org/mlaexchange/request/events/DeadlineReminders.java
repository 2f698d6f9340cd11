package org.mlaexchange.request.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;
import org.mlaexchange.platform.eventlog.Receipt;
import org.mlaexchange.request.DeadlineConfig;
import org.mlaexchange.request.api.RequestService;
import org.mlaexchange.request.api.SpontaneousInformationService;

/**
 * Overdue is computed, listed and evented, never silent: a job takes the cases whose next reminder time
 * passed, longest waiting first, and records one {@code deadline-overdue} event per deadline (the state
 * remembers which were reminded, and the next reminder time moves on, so no case waits behind a batch
 * of others). Requests and spontaneous information each have their own queue.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    /** A run stops after this many batches of each kind of case; the rest waits for the next run. */
    private static final int BATCHES_PER_RUN = 50;

    /** One kind of case that owes deadlines: its queue of cases with a reminder due, and the reminding of one. */
    private record Queue(String label, IntFunction<List<UUID>> due, Function<UUID, List<Receipt>> remind) {
    }

    private final List<Queue> queues;
    private final int batch;

    public DeadlineReminders(RequestService requests, SpontaneousInformationService spontaneous, DeadlineConfig config) {
        this.queues = List.of(new Queue("request", requests::withReminderDue, requests::remindOverdue),
                new Queue("spontaneous information", spontaneous::withReminderDue, spontaneous::remindOverdue));
        this.batch = config.reminderBatch();
    }

    @Scheduled(every = "${mla.deadlines.reminder-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int recorded = remindAll();
        if (recorded > 0) {
            LOG.infof("%d deadline reminders recorded", recorded);
        }
    }

    /** Records the reminders due now, batch after batch, of every kind of case; returns the number of reminder events recorded. */
    public int remindAll() {
        int reminded = 0;
        for (Queue queue : queues) {
            reminded += remindAll(queue);
        }
        return reminded;
    }

    private int remindAll(Queue queue) {
        int reminded = 0;
        for (int run = 0; run < BATCHES_PER_RUN; run++) {
            List<UUID> due = queue.due().apply(batch);
            for (UUID id : due) {
                try {
                    reminded += queue.remind().apply(id).size();
                } catch (RuntimeException e) {
                    LOG.warnf("deadline reminder for %s %s failed, will retry: %s", queue.label(), id, e.toString());
                }
            }
            if (due.size() < batch) {
                break;
            }
        }
        return reminded;
    }
}
