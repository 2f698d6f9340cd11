package org.mlaexchange.evidence.domain;

import java.util.List;

import org.mlaexchange.contracts.evidence.ItemEvent;
import org.mlaexchange.contracts.evidence.TransferEvent;

/**
 * Events of one decision that spans streams (dispatch, receipt): the transfer's and its items', each
 * list in order. They are appended in the same transaction.
 */
public record Outcome(List<TransferEvent> transferEvents, List<ItemEvent> itemEvents) {

    public Outcome {
        transferEvents = List.copyOf(transferEvents);
        itemEvents = List.copyOf(itemEvents);
    }
}
