package org.mlaexchange.platform.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.eventlog.NewEvent;

/**
 * A service's kind of case as the write path sees it: its state {@code S}, commands {@code C} and events
 * {@code E}, the decider's two functions, and how the case is found and stored.
 */
public interface CaseKind<S, C, E> {

    /** What the case is called in messages: "Request", "Extradition case". */
    String label();

    /** The case with its row locked for the rest of the transaction, so two changes cannot interleave. */
    Optional<S> lock(UUID id);

    /** Whether the State may act on the case at all; any other State is told it does not exist. */
    boolean isParty(S state, StateCode actor);

    /** The case's version: the caseseq of its last event, its ETag. */
    int version(S state);

    /** The events a command yields, or a refusal (a domain or problem exception) before anything is written. */
    List<E> decide(S current, C command, StateCode actor, Instant now);

    S evolve(S state, E event);

    /** The event as it enters the log, given the state it led to. */
    NewEvent logEntry(S after, E event, StateCode actor);

    /** Stores the case after a change (inserts it when {@code before} is null), with the indexes kept beside it. */
    void store(S before, S after, Instant now);

    /**
     * The case an erasure folded again from its log ({@code refolded}: its personal data "erased",
     * {@link org.mlaexchange.platform.seal.OpenedLog#erase}), to which the erasure event is then applied; it must be at
     * the version of the case {@code held} under lock, or the stored case and its log disagree and nothing is kept.
     */
    static <S> S refolded(CaseKind<S, ?, ?> kind, S held, S refolded) {
        if (kind.version(refolded) != kind.version(held)) {
            throw new IllegalStateException(kind.label() + " folds to version " + kind.version(refolded) + ", stored "
                    + kind.version(held));
        }
        return refolded;
    }
}
