package org.mlaexchange.extradition.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlaexchange.extradition.api.ExtraditionService;

/**
 * The provisional-arrest clock and the other deadlines of a case are evented, never silent: a job picks
 * the cases whose deadline passed without a reminder and records one {@code deadline-overdue} event per
 * deadline (the case remembers which were reminded, so running it twice changes nothing).
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    private static final int CASES_PER_RUN = 200;

    private final ExtraditionService extraditions;

    public DeadlineReminders(ExtraditionService extraditions) {
        this.extraditions = extraditions;
    }

    @Scheduled(every = "${mla.extradition.reminder-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int recorded = remindAll();
        if (recorded > 0) {
            LOG.infof("%d extradition deadline reminders recorded", recorded);
        }
    }

    /** Records the reminders due now; returns how many events were recorded. A case that fails is retried next run. */
    public int remindAll() {
        List<UUID> due = extraditions.withReminderDue(CASES_PER_RUN);
        int recorded = 0;
        for (UUID caseId : due) {
            try {
                recorded += extraditions.remindOverdue(caseId).size();
            } catch (RuntimeException e) {
                LOG.warnf("extradition case %s: deadline reminder failed, retried next run: %s", caseId, e.toString());
            }
        }
        return recorded;
    }
}
