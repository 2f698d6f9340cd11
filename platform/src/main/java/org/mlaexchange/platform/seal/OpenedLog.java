package org.mlaexchange.platform.seal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.events.CloudEvent;
import org.mlaexchange.contracts.events.EventJson;
import org.mlaexchange.contracts.seal.ErasureReason;
import org.mlaexchange.platform.eventlog.EventLog;

/**
 * A service's event log as it is read for the callers who may see a case: the personal data the log
 * sealed at staging ({@link CaseDataKeys#seal}) opened with the case's data key, {@code "erased"} once
 * the key was destroyed (in events stored in clear before sealing too). Every service whose events seal
 * their personal data reads its histories, folds and as-of views through here, and erases through
 * {@link #erase}. The audit replay, the topics and the CLI never come here: they carry ciphertext.
 */
@ApplicationScoped
public class OpenedLog {

    private final CaseDataKeys keys;
    private final EventLog eventLog;

    public OpenedLog(CaseDataKeys keys, EventLog eventLog) {
        this.keys = keys;
        this.eventLog = eventLog;
    }

    /** One case's events in order, as published up to {@code asOf} ({@code null}: all), personal data opened. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> caseEvents(String caseId, Instant asOf, Function<String, ? extends Class<?>> payloadClass) {
        return opened(caseId, eventLog.caseEvents(caseId, asOf), payloadClass);
    }

    /** As {@link #caseEvents(String, Instant, Function)} for a case sealed with another case's key ({@code sealingCaseId}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> caseEvents(String caseId, Instant asOf, Function<String, ? extends Class<?>> payloadClass, String sealingCaseId) {
        return opened(sealingCaseId, eventLog.caseEvents(caseId, asOf), payloadClass);
    }

    /**
     * One case's events with their personal data opened; {@code "erased"} once its key was destroyed, in
     * events stored in clear too ({@code payloadClass} maps an event type to its contract, which says what is personal).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CloudEvent> opened(String caseId, List<CloudEvent> events, Function<String, ? extends Class<?>> payloadClass) {
        return keys.open(caseId, events, payloadClass::apply);
    }

    /** The state one case's events fold to, personal data opened ({@code "erased"} where its key was destroyed). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E, S> S fold(List<CloudEvent> events, Function<String, Class<? extends E>> payloadClass, Function<List<E>, S> fold) {
        return events.isEmpty() ? fold.apply(List.of()) : fold(events.get(0).subject(), events, payloadClass, fold);
    }

    /**
     * As {@link #fold(List, Function, Function)} for a case whose personal data is sealed with another case's
     * key ({@code sealingCaseId}: an evidence item's with its transfer's, {@link org.mlaexchange.platform.eventlog.NewEvent#sealingCaseId}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <E, S> S fold(String sealingCaseId, List<CloudEvent> events, Function<String, Class<? extends E>> payloadClass,
                         Function<List<E>, S> fold) {
        List<CloudEvent> opened = events.isEmpty() ? events : opened(sealingCaseId, events, payloadClass);
        List<E> typed = opened.stream().<E>map(event -> EventJson.fromData(event.data(), payloadClass.apply(event.type()))).toList();
        return fold.apply(typed);
    }

    /**
     * Erases a case's personal data in the caller's transaction (the unit that records the erasure):
     * destroys its data key and folds the case again from its log, events staged in this unit included,
     * so the stored state keeps {@code "erased"} in place of every personal text, exactly as any later
     * replay reads it. The caller applies the erasure event itself to the state returned.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E, S> S erase(String caseId, StateCode erasedBy, ErasureReason reason, Instant erasedAt,
                          Function<String, Class<? extends E>> payloadClass, Function<List<E>, S> fold) {
        keys.destroy(caseId, erasedBy, reason, erasedAt);
        return refold(caseId, caseId, payloadClass, fold);
    }

    /**
     * One case folded again from its log, events staged in this unit included, its personal data opened with
     * {@code sealingCaseId}'s key: after {@link #erase} of a case whose key other cases share (an evidence
     * transfer's items), each of those is refolded so its stored state reads {@code "erased"} too.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E, S> S refold(String sealingCaseId, String caseId, Function<String, Class<? extends E>> payloadClass,
                           Function<List<E>, S> fold) {
        return fold(sealingCaseId, eventLog.caseEventsWithStaged(caseId), payloadClass, fold);
    }
}
