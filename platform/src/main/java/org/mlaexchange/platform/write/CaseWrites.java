package org.mlaexchange.platform.write;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.platform.eventlog.EventLog;
import org.mlaexchange.platform.eventlog.NewEvent;
import org.mlaexchange.platform.http.Versions;
import org.mlaexchange.platform.identity.Caller;
import org.mlaexchange.platform.problem.ProblemException;

/**
 * Changes to a case, the same way in every service: load with lock, check the caller is a party and
 * acted on the current version, decide, evolve, store, append; run as a unit of a group commit
 * ({@link Writes}), answered with the new state and its receipts.
 */
@ApplicationScoped
public class CaseWrites {

    private final Writes writes;
    private final EventLog eventLog;
    private final Clock clock;

    public CaseWrites(Writes writes, EventLog eventLog, Clock clock) {
        this.writes = writes;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** A new case, opened by the caller's State. */
    public <S, C, E> Writes.Written<S> open(CaseKind<S, C, E> kind, Caller caller, C command) {
        StateCode actor = actingState(caller);
        return writes.run(() -> change(kind, null, command, actor));
    }

    /** A command on a case by one of its parties, at the version it read ({@code If-Match}). */
    public <S, C, E> Writes.Written<S> act(CaseKind<S, C, E> kind, Caller caller, UUID id, String ifMatch, C command) {
        StateCode actor = actingState(caller);
        return writes.run(() -> {
            S current = kind.lock(id).filter(state -> kind.isParty(state, actor)).orElseThrow(() -> notFound(kind, id));
            Versions.requireMatch(ifMatch, kind.version(current));
            return change(kind, current, command, actor);
        });
    }

    /** A change the Exchange itself makes (a deadline reminder): no acting State, no version to match. */
    public <S, C, E> Writes.Written<S> bySystem(CaseKind<S, C, E> kind, UUID id, C command) {
        return writes.run(() -> change(kind, kind.lock(id).orElseThrow(() -> notFound(kind, id)), command, null));
    }

    /** The State acting on a case; the oversight body reads, it never acts (403, not a server error). */
    public static StateCode actingState(Caller caller) {
        if (caller.oversight() || caller.state() == null) {
            throw ProblemException.forbidden("oversight-reads-only", "The oversight body reads cases; it does not act on them");
        }
        return caller.state();
    }

    private <S, C, E> S change(CaseKind<S, C, E> kind, S current, C command, StateCode actor) {
        Instant now = clock.instant();
        List<E> events = kind.decide(current, command, actor, now);
        if (events.isEmpty()) {
            return current;
        }
        S next = current;
        List<NewEvent> entries = new ArrayList<>(events.size());
        for (E event : events) {
            next = kind.evolve(next, event);
            entries.add(kind.logEntry(next, event, actor));
        }
        kind.store(current, next, now);
        eventLog.append(entries, current == null ? 0L : kind.version(current));
        return next;
    }

    private static ProblemException notFound(CaseKind<?, ?, ?> kind, UUID id) {
        return ProblemException.notFound(kind.label() + " " + id);
    }
}
