package org.mlaexchange.request.domain;

import static org.mlaexchange.request.domain.SpontaneousStatus.ACKNOWLEDGED;
import static org.mlaexchange.request.domain.SpontaneousStatus.CONDITIONS_DECLINED;
import static org.mlaexchange.request.domain.SpontaneousStatus.SENT;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.rules.DomainAction;

/**
 * The actions on spontaneous information and the whole transition table: who may take each, from which
 * statuses (the status after is noted on each line). {@link SpontaneousDecider} applies the rules that
 * depend on the command.
 */
public enum SpontaneousAction implements DomainAction {

    // action            path segment            by                 allowed from          → status after
    SEND(                "send",                 Side.PROVIDING),                          // → SENT (creates the case)
    ACKNOWLEDGE(         "acknowledge",          Side.RECEIVING, false, SENT),             // → ACKNOWLEDGED, the conditions bind
    DECLINE_CONDITIONS(  "decline-conditions",   Side.RECEIVING, true, SENT),              // → CONDITIONS_DECLINED (only when there are conditions)
    REVISE_CONDITIONS(   "revise-conditions",    Side.PROVIDING, false, CONDITIONS_DECLINED), // → SENT, answered again
    RETURN(              "return",               Side.RECEIVING, false, CONDITIONS_DECLINED), // → RETURNED (unused)
    CLOSE(               "close",                Side.PROVIDING, false, ACKNOWLEDGED, CONDITIONS_DECLINED); // → CLOSED

    /** The two sides of spontaneous information. */
    public enum Side {
        /** The State that sent the information without a request. */
        PROVIDING,
        /** The State it was sent to. */
        RECEIVING
    }

    private final String pathSegment;
    private final Side by;
    private final boolean needsConditions;
    private final Set<SpontaneousStatus> allowedFrom;

    SpontaneousAction(String pathSegment, Side by, SpontaneousStatus... allowedFrom) {
        this(pathSegment, by, false, allowedFrom);
    }

    SpontaneousAction(String pathSegment, Side by, boolean needsConditions, SpontaneousStatus... allowedFrom) {
        this.pathSegment = pathSegment;
        this.by = by;
        this.needsConditions = needsConditions;
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
        return by.name().toLowerCase(Locale.ROOT) + " State";
    }

    public Set<SpontaneousStatus> allowedFrom() {
        return allowedFrom;
    }

    /** Allowed from the case's status, and (declining) only when there are conditions to decline. */
    public boolean allowedOn(SpontaneousInformationCase c) {
        return allowedFrom.contains(c.status()) && (!needsConditions || c.hasConditions());
    }

    /** What the State may do on the case now: clients render these, never the rules. */
    public static List<SpontaneousAction> availableTo(SpontaneousInformationCase c, StateCode state) {
        if (state == null || !c.isParty(state)) {
            return List.of();
        }
        return Arrays.stream(values())
                .filter(a -> !a.allowedFrom.isEmpty() && state.equals(c.stateOf(a.by)) && a.allowedOn(c))
                .toList();
    }
}
