package org.mlaexchange.request.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.UrgentChannel;
import org.mlaexchange.contracts.seal.ErasureReason;

/**
 * What a party (or the system) asks to do with a request. The acting State is passed to
 * {@link RequestDecider#decide} beside the command; which party may take each command is in
 * {@link RequestAction}. Optional values are {@code null}; absent lists may be {@code null} or empty.
 */
public sealed interface RequestCommand {

    RequestAction action();

    /**
     * The requesting State (the actor) submits a new request to {@code requestedState}.
     *
     * @param urgentChannel how an urgent request also travels; {@code null}: only through the Exchange
     */
    record Submit(UUID requestId, StateCode requestedState, boolean urgent, boolean confidential, RequestContent content,
                  UrgentChannel urgentChannel) implements RequestCommand {

        public Submit(UUID requestId, StateCode requestedState, boolean urgent, boolean confidential, RequestContent content) {
            this(requestId, requestedState, urgent, confidential, content, null);
        }

        public RequestAction action() {
            return RequestAction.SUBMIT;
        }
    }

    record Acknowledge(String caseReference, ContactPerson contact) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ACKNOWLEDGE;
        }
    }

    /** @param dueDate optional date by which the information is expected */
    record RequestInformation(List<String> missing, LocalDate dueDate) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.REQUEST_INFORMATION;
        }
    }

    /** @param content the new version of the content (same number of measures); {@code note} is optional */
    record ProvideInformation(RequestContent content, String note) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.PROVIDE_INFORMATION;
        }
    }

    record OpenConsultation(List<String> matters) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.OPEN_CONSULTATION;
        }
    }

    /** @param reasons required when {@code reason} is OTHER */
    record Postpone(PostponementReason reason, String reasons, LocalDate reviewDate) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.POSTPONE;
        }
    }

    record ProposeConditions(List<String> conditions) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.PROPOSE_CONDITIONS;
        }
    }

    /** @param reasons optional note */
    record AcceptConditions(String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ACCEPT_CONDITIONS;
        }
    }

    record RejectConditions(String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.REJECT_CONDITIONS;
        }
    }

    /** @param measureIds the measures refused; empty means every measure still undecided */
    record Refuse(List<String> measureIds, List<GroundForRefusal> grounds, String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.REFUSE;
        }
    }

    /**
     * @param measureIds           the measures accepted; empty means every measure still undecided
     * @param impossibleProcedures requested procedures that cannot be followed, and why
     */
    record Accept(List<String> measureIds, List<String> impossibleProcedures) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ACCEPT;
        }
    }

    /** @param updates per-measure progress (may be empty if {@code summary} answers a status question) */
    record ReportProgress(List<MeasureProgress> updates, String summary) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.REPORT_PROGRESS;
        }
    }

    /** @param summary optional */
    record Complete(String summary) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.COMPLETE;
        }
    }

    /** @param note optional */
    record Close(String note) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.CLOSE;
        }
    }

    /**
     * The requesting State, which supplied the request's personal data, erases it on a legal ground:
     * the request's data key is destroyed.
     */
    record ErasePersonalData(ErasureReason reason) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ERASE_PERSONAL_DATA;
        }
    }

    record Withdraw(String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.WITHDRAW;
        }
    }

    /** @param acceptedChanges changes to the request the requesting State accepts (may be empty) */
    record AnswerConsultation(String position, List<String> acceptedChanges) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ANSWER_CONSULTATION;
        }
    }

    /** @param measureIds accepted measures not yet executed that turned out impossible */
    record DeclareImpossible(List<String> measureIds, String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.DECLARE_IMPOSSIBLE;
        }
    }

    /** @param answerDueDate optional; by default the pair of States' period for answering status questions */
    record AskStatus(String question, LocalDate answerDueDate) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ASK_STATUS;
        }
    }

    record AnswerStatus(String answer) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.ANSWER_STATUS;
        }
    }

    /** @param content the new version of the content (same measures, decided ones unchanged); {@code note} is optional */
    record Supplement(RequestContent content, String note) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.SUPPLEMENT;
        }
    }

    record DeclineConfidentiality(String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.DECLINE_CONFIDENTIALITY;
        }
    }

    /** @param note optional */
    record ContinueWithoutConfidentiality(String note) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.CONTINUE_WITHOUT_CONFIDENTIALITY;
        }
    }

    /** The extension's length is the pair of States' policy (30 days by default). */
    record ExtendDecisionDeadline(String reasons) implements RequestCommand {
        public RequestAction action() {
            return RequestAction.EXTEND_DECISION_DEADLINE;
        }
    }

    /** Scheduled by the system: emit a reminder for each deadline newly overdue. No acting State. */
    record RecordOverdueDeadlines() implements RequestCommand {
        public RequestAction action() {
            return RequestAction.RECORD_OVERDUE_DEADLINES;
        }
    }
}
