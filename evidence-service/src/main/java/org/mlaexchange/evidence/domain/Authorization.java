package org.mlaexchange.evidence.domain;

import org.mlaexchange.contracts.rules.DomainException;

import java.util.Objects;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.rules.DomainException.NotAParty;
import org.mlaexchange.contracts.rules.DomainException.TransitionForbidden;
import org.mlaexchange.contracts.rules.DomainException.WrongParty;

/** The checks every action passes first, from the transition tables. */
final class Authorization {

    private Authorization() {
    }

    /** Party first (a non-party must not learn the status), then the party of the action, then its statuses. */
    static void authorize(EvidenceCase target, EvidenceAction action, StateCode actor) {
        if (actor != null && !target.isParty(actor)) {
            throw new NotAParty(actor, target instanceof Transfer ? "transfer" : "item", target.id());
        }
        switch (action.by()) {
            case SYSTEM -> {
                if (actor != null) {
                    throw new WrongParty(actor, action);
                }
            }
            case EITHER -> Objects.requireNonNull(actor, "actorState");
            case PROVIDING, RECEIVING -> {
                if (actor == null && action == TransferAction.ERASE_PERSONAL_DATA) {
                    break; // no actor: the Exchange's retention rule erases (platform RetentionRule), from the same statuses
                }
                Objects.requireNonNull(actor, "actorState");
                if (!actor.equals(target.stateOf(action.by()))) {
                    throw new WrongParty(actor, action);
                }
            }
        }
        if (!action.isAllowedFrom(target.status())) {
            throw new TransitionForbidden(target.status(), action);
        }
    }
}
