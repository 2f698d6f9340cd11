package org.mlaexchange.platform.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.Receipt;

/**
 * The events the units of one group commit appended, in order, until {@link EventLog#seal} chains them
 * as the transaction's last statements. Each event is tagged with the unit that appended it, so every
 * unit gets back the receipts of its own events.
 */
public final class StagedEvents {

    private static final ThreadLocal<StagedEvents> CURRENT = new ThreadLocal<>();

    private final List<EventLog.Staged> events = new ArrayList<>();
    private final Map<String, Long> lastCaseseq = new HashMap<>();
    private int unit;
    private int sizeAtUnitStart;

    /** The staging of the group commit running on this thread. */
    public static StagedEvents current() {
        StagedEvents staged = CURRENT.get();
        if (staged == null) {
            throw new IllegalStateException("events are appended only inside a write unit (Writes.run)");
        }
        return staged;
    }

    static StagedEvents open() {
        StagedEvents staged = new StagedEvents();
        CURRENT.set(staged);
        return staged;
    }

    static void close() {
        CURRENT.remove();
    }

    void startUnit(int index) {
        unit = index;
        sizeAtUnitStart = events.size();
    }

    public void add(EventLog.Staged event) {
        events.add(event);
        lastCaseseq.put(event.caseId(), event.caseseq());
    }

    /** The caseseq of the case's last event staged in this group commit, or null if none is. */
    public Long lastCaseseq(String caseId) {
        return lastCaseseq.get(caseId);
    }

    /** The events of one case staged in this group commit, in order. */
    public List<EventLog.Staged> staged(String caseId) {
        return events.stream().filter(e -> e.caseId().equals(caseId)).toList();
    }

    public int unit() {
        return unit;
    }

    List<EventLog.Staged> events() {
        return events;
    }

    /** Whether the unit running now appended events (so a failure of it cannot be isolated from the others). */
    boolean currentUnitAppended() {
        return events.size() > sizeAtUnitStart;
    }

    /** Receipts of the sealed events, grouped by the unit that appended them. */
    static Map<Integer, List<Receipt>> byUnit(List<EventLog.Staged> staged, List<Receipt> receipts) {
        Map<Integer, List<Receipt>> result = new HashMap<>();
        for (int i = 0; i < staged.size(); i++) {
            result.computeIfAbsent(staged.get(i).unit(), u -> new ArrayList<>()).add(receipts.get(i));
        }
        return result;
    }
}
