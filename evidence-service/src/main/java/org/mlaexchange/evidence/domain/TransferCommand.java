package org.mlaexchange.evidence.domain;

import java.util.UUID;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * What the providing State asks to do with a transfer. The acting State is passed to the decider beside
 * the command; which party may take each command is in {@link TransferAction}. Optional values are
 * {@code null}.
 */
public sealed interface TransferCommand {

    TransferAction action();

    /**
     * The acting State opens a transfer for a request ({@link TransferDecider#open}); it becomes the
     * providing State. {@code note} is optional.
     */
    record Open(UUID transferId, String note) implements TransferCommand {
        public TransferAction action() {
            return TransferAction.OPEN;
        }
    }

    /** Seal and hand over the transfer ({@link TransferDecider#dispatch}). {@code reference} is optional. */
    record Dispatch(String reference) implements TransferCommand {
        public TransferAction action() {
            return TransferAction.DISPATCH;
        }
    }

    record Cancel(String reasons) implements TransferCommand {
        public TransferAction action() {
            return TransferAction.CANCEL;
        }
    }

    /** Erase the personal data of the transfer and its items on a legal ground ({@link TransferDecider#erase}). */
    record ErasePersonalData(ErasureReason reason) implements TransferCommand {
        public TransferAction action() {
            return TransferAction.ERASE_PERSONAL_DATA;
        }
    }
}
