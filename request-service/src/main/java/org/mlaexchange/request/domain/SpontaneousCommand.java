package org.mlaexchange.request.domain;

import java.util.List;
import java.util.UUID;
import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.evidence.UseConsentDecision;
import org.mlaexchange.contracts.evidence.UsePurpose;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.SpontaneousInformation;
import org.mlaexchange.contracts.request.UseConditions;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * What a party asks to do with spontaneous information; the acting State is passed beside it (the
 * providing State of {@link Send} is the caller's). Optional values are {@code null}.
 */
public sealed interface SpontaneousCommand {

    SpontaneousAction action();

    /**
     * @param conditions      {@code null}: no conditions
     * @param evidenceItemIds evidence items the information refers to (may be empty)
     */
    record Send(UUID informationId, StateCode receivingState, SpontaneousInformation information, UseConditions conditions,
                List<UUID> evidenceItemIds) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.SEND;
        }
    }

    record AcknowledgeReceipt(String caseReference, ContactPerson contact) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.ACKNOWLEDGE;
        }
    }

    record DeclineConditions(String reasons) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.DECLINE_CONDITIONS;
        }
    }

    record ReviseConditions(UseConditions conditions, String note) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.REVISE_CONDITIONS;
        }
    }

    record Return(String note) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.RETURN;
        }
    }

    record CloseCase(String note) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.CLOSE;
        }
    }

    /** @param thirdState for an onward transfer only */
    record RequestUseConsent(UsePurpose purpose, StateCode thirdState, String description) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.REQUEST_USE_CONSENT;
        }
    }

    /** @param conditions only with GRANTED_WITH_CONDITIONS; {@code reasons} required when DENIED */
    record DecideUseConsent(UseConsentDecision decision, List<String> conditions, String reasons) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.DECIDE_USE_CONSENT;
        }
    }

    /** The providing State erases the personal data it supplied, on a legal ground of the data-protection law. */
    record ErasePersonalData(ErasureReason reason) implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.ERASE_PERSONAL_DATA;
        }
    }

    /** The reminder job: record a reminder for each deadline past due and not reminded yet (no acting State). */
    record RecordOverdueDeadlines() implements SpontaneousCommand {
        public SpontaneousAction action() {
            return SpontaneousAction.RECORD_OVERDUE_DEADLINES;
        }
    }
}
