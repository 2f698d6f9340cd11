package org.mlaexchange.request.domain;

import static org.mlaexchange.contracts.request.SpontaneousStatus.ACKNOWLEDGED;
import static org.mlaexchange.contracts.request.SpontaneousStatus.CLOSED;
import static org.mlaexchange.contracts.request.SpontaneousStatus.CONDITIONS_DECLINED;
import static org.mlaexchange.contracts.request.SpontaneousStatus.RETURNED;
import static org.mlaexchange.contracts.request.SpontaneousStatus.SENT;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.SpontaneousStatus;
import org.mlaexchange.contracts.rules.DomainAction;

/**
 * The actions on spontaneous information and the whole transition table: who may take each, from which
 * statuses (the status after is noted on each line). {@link SpontaneousDecider} applies the rules that
 * depend on the command.
 */
public enum SpontaneousAction implements DomainAction {

    // action            path segment            by               guard                      allowed from          → status after
    SEND(                "send",                 Side.PROVIDING,  null),                                        // → SENT (creates the case)
    ACKNOWLEDGE(         "acknowledge",          Side.RECEIVING,  null,                      SENT),              // → ACKNOWLEDGED, the conditions bind
    DECLINE_CONDITIONS(  "decline-conditions",   Side.RECEIVING,  Guard.CONDITIONS_ATTACHED, SENT),              // → CONDITIONS_DECLINED
    REVISE_CONDITIONS(   "revise-conditions",    Side.PROVIDING,  null,                      CONDITIONS_DECLINED), // → SENT, answered again
    RETURN(              "return",               Side.RECEIVING,  null,                      CONDITIONS_DECLINED), // → RETURNED (unused)
    CLOSE(               "close",                Side.PROVIDING,  Guard.NO_OPEN_USE_CONSENT, ACKNOWLEDGED, CONDITIONS_DECLINED), // → CLOSED
    REQUEST_USE_CONSENT( "request-use-consent",  Side.RECEIVING,  Guard.NO_OPEN_USE_CONSENT, ACKNOWLEDGED),      // → unchanged, a decision is owed
    DECIDE_USE_CONSENT(  "decide-use-consent",   Side.PROVIDING,  Guard.OPEN_USE_CONSENT,    ACKNOWLEDGED),      // → unchanged
    // by the providing State, which supplied the data (spontaneous information has no confirmed article: domain.md §3
    // gives it as a model rule), once nothing more happens on the case: returned unused or closed, the statuses no party
    // acts from; before, the receiving State still answers it or asks consent to use it
    ERASE_PERSONAL_DATA( "erase-personal-data",  Side.PROVIDING,  null,                      RETURNED, CLOSED),  // → unchanged, once; the data key is destroyed
    RECORD_OVERDUE_DEADLINES("record-overdue-deadlines", Side.SYSTEM, null, SpontaneousStatus.values());      // → unchanged, one reminder per overdue deadline

    /** The two sides of spontaneous information. */
    public enum Side {
        /** The State that sent the information without a request. */
        PROVIDING,
        /** The State it was sent to. */
        RECEIVING,
        /** The service itself (deadline reminders): no State acts. */
        SYSTEM
    }

    /** The guard column: a condition on the case beyond its status, and what is said when it does not hold. */
    public enum Guard {
        CONDITIONS_ATTACHED(SpontaneousInformationCase::hasConditions, "no conditions are attached"),
        NO_OPEN_USE_CONSENT(c -> c.openUseConsent().isEmpty(), "a request for use consent awaits its decision"),
        OPEN_USE_CONSENT(c -> c.openUseConsent().isPresent(), "no request for use consent is open");

        private final Predicate<SpontaneousInformationCase> holds;
        private final String otherwise;

        Guard(Predicate<SpontaneousInformationCase> holds, String otherwise) {
            this.holds = holds;
            this.otherwise = otherwise;
        }

        public String otherwise() {
            return otherwise;
        }
    }

    private final String pathSegment;
    private final Side by;
    private final Guard guard;
    private final Set<SpontaneousStatus> allowedFrom;

    SpontaneousAction(String pathSegment, Side by, Guard guard, SpontaneousStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        this.guard = guard;
        EnumSet<SpontaneousStatus> from = EnumSet.noneOf(SpontaneousStatus.class);
        Collections.addAll(from, allowedFrom);
        this.allowedFrom = Collections.unmodifiableSet(from);
    }

    /** The name in the API ({@code POST /api/spontaneous-information/{id}/<pathSegment>}) and in messages. */
    public String pathSegment() {
        return pathSegment;
    }

    public Side by() {
        return by;
    }

    @Override
    public String label() {
        return pathSegment;
    }

    @Override
    public String party() {
        return by == Side.SYSTEM ? "system" : by.name().toLowerCase(Locale.ROOT) + " State";
    }

    public Set<SpontaneousStatus> allowedFrom() {
        return allowedFrom;
    }

    public Optional<Guard> guard() {
        return Optional.ofNullable(guard);
    }

    /**
     * Allowed from the case's status, and its guard holds. Once its personal data is erased a case takes no party's
     * action: it would record personal data nobody can read again (the system's deadline reminders name nobody).
     */
    public boolean allowedOn(SpontaneousInformationCase c) {
        return allowedFrom.contains(c.status()) && (c.erasure() == null || by == Side.SYSTEM) && (guard == null || guard.holds.test(c));
    }

    /** What the State may do on the case now: clients render these, never the rules. */
    public static List<SpontaneousAction> availableTo(SpontaneousInformationCase c, StateCode state) {
        if (state == null || !c.isParty(state)) {
            return List.of();
        }
        return Arrays.stream(values())
                .filter(a -> a.by != Side.SYSTEM && !a.allowedFrom.isEmpty() && state.equals(c.stateOf(a.by)) && a.allowedOn(c))
                .toList();
    }
}
