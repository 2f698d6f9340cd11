package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainAction;

import java.util.Locale;
import java.util.Set;

/** An action of one of the two transition tables, {@link TransferAction} and {@link ItemAction}. */
public sealed interface EvidenceAction extends DomainAction permits TransferAction, ItemAction {

    String name();

    /** The last segment of the action's API path (several actions may share one, under different methods). */
    String pathSegment();

    /** The party that may take this action. */
    Party by();

    /** The statuses of the transfer, or of the item, this action may be taken from (empty when it creates the case). */
    Set<? extends Enum<?>> allowedFrom();

    default boolean isAllowedFrom(Enum<?> status) {
        return allowedFrom().contains(status);
    }

    /** The action's name in messages, e.g. {@code store-content}. */
    @Override
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    default String party() {
        return switch (by()) {
            case SYSTEM -> "system";
            case EITHER -> "providing or receiving State";
            default -> by().name().toLowerCase(Locale.ROOT) + " State";
        };
    }

    /**
     * The actions of a table the State may take on the transfer or item now (the deciders may still
     * refuse one on a guard beyond the table, e.g. a missing consent): clients render these, never the rules.
     */
    static <A extends EvidenceAction> java.util.List<A> availableTo(EvidenceCase target, A[] actions,
                                                                   org.mlaexchange.contracts.StateCode state) {
        if (state == null || !target.isParty(state)) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(actions)
                .filter(a -> !a.allowedFrom().isEmpty() && a.isAllowedFrom(target.status()))
                .filter(a -> switch (a.by()) {
                    case SYSTEM -> false;
                    case EITHER -> true;
                    default -> state.equals(target.stateOf(a.by()));
                })
                .toList();
    }
}
