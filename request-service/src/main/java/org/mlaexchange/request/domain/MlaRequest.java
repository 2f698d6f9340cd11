package org.mlaexchange.request.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.mlaexchange.contracts.StateCode;
import org.mlaexchange.contracts.request.ContactPerson;
import org.mlaexchange.contracts.request.DeadlineKind;
import org.mlaexchange.contracts.request.GroundForRefusal;
import org.mlaexchange.contracts.request.MeasureExecution;
import org.mlaexchange.contracts.request.MeasureKind;
import org.mlaexchange.contracts.request.MeasureProgress;
import org.mlaexchange.contracts.request.MeasureRequest;
import org.mlaexchange.contracts.request.MeasureStatus;
import org.mlaexchange.contracts.request.PostponementReason;
import org.mlaexchange.contracts.request.RequestContent;
import org.mlaexchange.contracts.request.RequestStatus;
import org.mlaexchange.contracts.request.UrgentChannel;

/**
 * State of one mutual legal assistance request, as rebuilt by folding its events
 * ({@link RequestDecider#fold}). Immutable.
 *
 * @param version             number of events folded so far (the {@code caseseq} of the last one)
 * @param contentVersions     every version of the content, oldest first; the last one is current
 * @param informationRequest  the open request for information, {@code null} when none is open
 * @param consultationMatters matters of the latest consultation
 * @param postponement        the latest postponement, {@code null} if never postponed
 * @param conditions          every proposal of conditions, oldest first
 * @param remindedDeadlines   deadlines for which a {@code DeadlineOverdue} reminder was already emitted
 * @param decidedAt           when the first measure was accepted or refused
 * @param executedAt          when execution was declared complete
 * @param consultationAnswers the requesting State's answers to consultations, oldest first
 * @param impossibilities     accepted measures later found impossible, with reasons
 * @param statusQuestions     the requesting State's status questions and their answers, oldest first
 * @param confidentialityNotice the requested State's notice that it cannot keep the request confidential, {@code null} if none
 * @param decisionExtension   the one extension of the decision deadline, {@code null} if none
 * @param urgentChannel       how an urgent request also travels, {@code null}: only through the Exchange
 * @param erasure             the erasure of the request's personal data, {@code null} if it was not erased:
 *                            every personal text then reads "erased" and the request takes no more actions
 */
public record MlaRequest(
        UUID id,
        StateCode requestingState,
        StateCode requestedState,
        RequestStatus status,
        boolean urgent,
        boolean confidential,
        int version,
        List<RequestContent> contentVersions,
        List<Measure> measures,
        Acknowledgement acknowledgement,
        InformationRequest informationRequest,
        List<String> consultationMatters,
        Postponement postponement,
        List<ConditionsProposal> conditions,
        List<Acceptance> acceptances,
        List<Refusal> refusals,
        List<ProgressReport> progressReports,
        String completionSummary,
        String closingNote,
        Withdrawal withdrawal,
        Instant submittedAt,
        LocalDate acknowledgementDueDate,
        LocalDate decisionDueDate,
        LocalDate executionDueDate,
        Set<DeadlineKind> remindedDeadlines,
        Instant acknowledgedAt,
        Instant decidedAt,
        Instant executedAt,
        Instant closedAt,
        List<ConsultationAnswer> consultationAnswers,
        List<Impossibility> impossibilities,
        List<StatusQuestion> statusQuestions,
        ConfidentialityNotice confidentialityNotice,
        DecisionExtension decisionExtension,
        UrgentChannel urgentChannel,
        Erasure erasure) {

    /** Deadlines are calendar days in this zone: a deadline is overdue from the day after its due date. */
    public static final ZoneOffset DEADLINE_ZONE = ZoneOffset.UTC;

    private static final Set<RequestStatus> TERMINAL =
            EnumSet.of(RequestStatus.REFUSED, RequestStatus.CLOSED, RequestStatus.WITHDRAWN);

    public MlaRequest {
        contentVersions = List.copyOf(contentVersions);
        measures = List.copyOf(measures);
        consultationMatters = List.copyOf(consultationMatters);
        conditions = List.copyOf(conditions);
        acceptances = List.copyOf(acceptances);
        refusals = List.copyOf(refusals);
        progressReports = List.copyOf(progressReports);
        EnumSet<DeadlineKind> reminded = EnumSet.noneOf(DeadlineKind.class);
        reminded.addAll(remindedDeadlines);
        remindedDeadlines = Collections.unmodifiableSet(reminded);
        // states stored before these were added read them as null
        consultationAnswers = consultationAnswers == null ? List.of() : List.copyOf(consultationAnswers);
        impossibilities = impossibilities == null ? List.of() : List.copyOf(impossibilities);
        statusQuestions = statusQuestions == null ? List.of() : List.copyOf(statusQuestions);
    }

    /** The current version of the content. */
    public RequestContent content() {
        return contentVersions.get(contentVersions.size() - 1);
    }

    public Optional<Measure> measure(String measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    /** Whether the State is the requesting or the requested State of this request. */
    public boolean isParty(StateCode state) {
        return requestingState.equals(state) || requestedState.equals(state);
    }

    /** The State that takes the actions of that party. */
    public StateCode stateOf(Party party) {
        return switch (party) {
            case REQUESTING -> requestingState;
            case REQUESTED -> requestedState;
            case SYSTEM -> throw new IllegalArgumentException("the system is not a State");
        };
    }

    /** Open until refused, closed or withdrawn (an executed request is still open until the requesting State closes it). */
    public boolean isOpen() {
        return !TERMINAL.contains(status);
    }

    /** Whether any measure was accepted or refused. */
    public boolean anyMeasureDecided() {
        return measures.stream().anyMatch(m -> m.status() != MeasureStatus.PENDING);
    }

    /** Whether any measure still awaits a decision. */
    public boolean anyMeasurePending() {
        return measures.stream().anyMatch(m -> m.status() == MeasureStatus.PENDING);
    }

    /** Whether every measure is decided and none awaits execution: executed, refused or impossible. */
    public boolean allMeasuresSettled() {
        return measures.stream().allMatch(m -> m.status() == MeasureStatus.EXECUTED || m.status() == MeasureStatus.REFUSED
                || m.status() == MeasureStatus.IMPOSSIBLE);
    }

    /** Whether an accepted measure is not executed yet (it may still be found impossible). */
    public boolean anyMeasureAwaitingExecution() {
        return measures.stream().anyMatch(m -> m.status() == MeasureStatus.ACCEPTED || m.status() == MeasureStatus.IN_EXECUTION);
    }

    /** The status question not answered yet, if any (one at a time). */
    public Optional<StatusQuestion> openStatusQuestion() {
        return statusQuestions.isEmpty() || statusQuestions.get(statusQuestions.size() - 1).answeredAt() != null
                ? Optional.empty() : Optional.of(statusQuestions.get(statusQuestions.size() - 1));
    }

    /** Whether the requested State may still say it cannot keep the request confidential (once, on a confidential request). */
    public boolean confidentialityMayBeDeclined() {
        return confidential && confidentialityNotice == null;
    }

    /** Whether the decision deadline may still be extended: once, while no measure is decided. */
    public boolean decisionDeadlineExtensible() {
        return decisionExtension == null && !anyMeasureDecided();
    }

    /** The State that owes the milestone of a deadline: the requesting State for information, else the requested State. */
    public StateCode owedBy(DeadlineKind kind) {
        return kind == DeadlineKind.INFORMATION || kind == DeadlineKind.PERSON_RETURN ? requestingState : requestedState;
    }

    /** The conditions the requesting State accepted: they bind it. */
    public List<String> bindingConditions() {
        return conditions.stream().filter(ConditionsProposal::binding).flatMap(c -> c.conditions().stream()).toList();
    }

    /** The due date of a deadline, {@code null} while it is not set (execution: until a measure is accepted). */
    public LocalDate dueDate(DeadlineKind kind) {
        return switch (kind) {
            case ACKNOWLEDGEMENT -> acknowledgementDueDate;
            case DECISION -> decisionDueDate;
            case EXECUTION -> executionDueDate;
            case INFORMATION -> informationRequest == null ? null : informationRequest.dueDate();
            case POSTPONEMENT_REVIEW -> postponement == null ? null : postponement.reviewDate();
            case STATUS_ANSWER -> openStatusQuestion().map(StatusQuestion::answerDueDate).orElse(null);
            case PERSON_RETURN -> measures.stream().map(Measure::personReturnDue).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            case USE_CONSENT_DECISION -> null; // spontaneous information's, not a request's
        };
    }

    /**
     * The deadlines past due at {@code now} whose milestone was not reached, on an open request
     * (reminded or not): acknowledgement while still SUBMITTED, decision while no measure is decided
     * (its clock stops while information is awaited from the requesting State), execution while
     * accepted measures are not declared executed, information while it is awaited, a postponement's
     * review date while postponed, a status question's answer while unanswered.
     */
    public Set<DeadlineKind> overdueAt(Instant now) {
        EnumSet<DeadlineKind> overdue = EnumSet.noneOf(DeadlineKind.class);
        if (!isOpen()) {
            return overdue;
        }
        LocalDate today = LocalDate.ofInstant(now, DEADLINE_ZONE);
        if (status == RequestStatus.SUBMITTED && today.isAfter(acknowledgementDueDate)) {
            overdue.add(DeadlineKind.ACKNOWLEDGEMENT);
        }
        if (!anyMeasureDecided() && status != RequestStatus.INFORMATION_REQUESTED && today.isAfter(decisionDueDate)) {
            overdue.add(DeadlineKind.DECISION);
        }
        if (executionDueDate != null && status != RequestStatus.EXECUTED && today.isAfter(executionDueDate)) {
            overdue.add(DeadlineKind.EXECUTION);
        }
        if (status == RequestStatus.INFORMATION_REQUESTED && passed(DeadlineKind.INFORMATION, today)) {
            overdue.add(DeadlineKind.INFORMATION);
        }
        if (status == RequestStatus.POSTPONED && passed(DeadlineKind.POSTPONEMENT_REVIEW, today)) {
            overdue.add(DeadlineKind.POSTPONEMENT_REVIEW);
        }
        if (passed(DeadlineKind.STATUS_ANSWER, today)) {
            overdue.add(DeadlineKind.STATUS_ANSWER);
        }
        if (passed(DeadlineKind.PERSON_RETURN, today)) {
            overdue.add(DeadlineKind.PERSON_RETURN);
        }
        return overdue;
    }

    private boolean passed(DeadlineKind kind, LocalDate today) {
        LocalDate due = dueDate(kind);
        return due != null && today.isAfter(due);
    }

    /**
     * One measure of the request.
     *
     * @param kind           the kind of {@code requested}, and {@code specifics} its description in words
     * @param refusalGrounds empty unless refused
     * @param refusalReasons {@code null} unless refused
     * @param notes          notes from progress reports, oldest first
     * @param requested      the measure as asked for, typed by its kind (the latest version while undecided)
     * @param execution      the latest execution record reported, {@code null} before one
     */
    public record Measure(
            String id,
            MeasureKind kind,
            String specifics,
            MeasureStatus status,
            List<GroundForRefusal> refusalGrounds,
            String refusalReasons,
            List<String> notes,
            MeasureRequest requested,
            MeasureExecution execution) {

        public Measure {
            refusalGrounds = List.copyOf(refusalGrounds);
            notes = List.copyOf(notes);
            // a state stored before typed measures has only the kind and the words
            requested = requested == null && kind != null ? MeasureRequest.described(kind, specifics) : requested;
        }

        /** A measure just asked for. */
        static Measure asked(String id, MeasureRequest requested) {
            return new Measure(id, requested.kind(), requested.specifics(), MeasureStatus.PENDING, List.of(), null, List.of(),
                    requested, null);
        }

        Measure withStatus(MeasureStatus newStatus) {
            return new Measure(id, kind, specifics, newStatus, refusalGrounds, refusalReasons, notes, requested, execution);
        }

        Measure refused(List<GroundForRefusal> grounds, String reasons) {
            return new Measure(id, kind, specifics, MeasureStatus.REFUSED, grounds, reasons, notes, requested, execution);
        }

        /** A new version of what is asked for (while undecided). */
        Measure revised(MeasureRequest revision) {
            return new Measure(id, revision.kind(), revision.specifics(), status, refusalGrounds, refusalReasons, notes, revision, execution);
        }

        /** Progress reported: the new status, the note kept, the execution record replacing the previous one if given. */
        Measure progressed(MeasureStatus newStatus, String note, MeasureExecution record) {
            List<String> allNotes = new ArrayList<>(notes);
            if (note != null && !note.isBlank()) {
                allNotes.add(note);
            }
            return new Measure(id, kind, specifics, newStatus, refusalGrounds, refusalReasons, allNotes, requested,
                    record == null ? execution : record);
        }

        /**
         * The day a person temporarily transferred to the requesting State is to be returned: while the
         * measure is accepted or executed and no return is recorded; else {@code null}.
         */
        LocalDate personReturnDue() {
            if (!(requested instanceof MeasureRequest.FacilitatingVoluntaryAppearance a) || a.temporaryTransfer() == null
                    || status == MeasureStatus.PENDING || status == MeasureStatus.REFUSED || status == MeasureStatus.IMPOSSIBLE) {
                return null;
            }
            boolean returned = execution instanceof MeasureExecution.Appearance r && r.returnedOn() != null;
            return returned ? null : a.temporaryTransfer().returnDate();
        }
    }

    /** The requested State's receipt: its own case reference and contact. */
    public record Acknowledgement(String caseReference, ContactPerson contact) {
    }

    /** @param dueDate optional */
    public record InformationRequest(List<String> missing, LocalDate dueDate, Instant requestedAt) {
        public InformationRequest {
            missing = List.copyOf(missing);
        }
    }

    public record Postponement(PostponementReason reason, String reasons, LocalDate reviewDate, Instant postponedAt) {
    }

    public enum ConditionsOutcome { PROPOSED, ACCEPTED, REJECTED }

    /**
     * Conditions proposed by the requested State and the requesting State's answer.
     *
     * @param answerReasons the requesting State's reasons or note, {@code null} until answered
     */
    public record ConditionsProposal(
            List<String> conditions,
            Instant proposedAt,
            ConditionsOutcome outcome,
            String answerReasons,
            Instant answeredAt) {

        public ConditionsProposal {
            conditions = List.copyOf(conditions);
        }

        /** Accepted conditions bind the requesting State. */
        public boolean binding() {
            return outcome == ConditionsOutcome.ACCEPTED;
        }
    }

    public record Acceptance(List<String> measureIds, List<String> impossibleProcedures, LocalDate executionDueDate, Instant acceptedAt) {
        public Acceptance {
            measureIds = List.copyOf(measureIds);
            impossibleProcedures = List.copyOf(impossibleProcedures);
        }
    }

    public record Refusal(List<String> measureIds, List<GroundForRefusal> grounds, String reasons, Instant refusedAt) {
        public Refusal {
            measureIds = List.copyOf(measureIds);
            grounds = List.copyOf(grounds);
        }
    }

    public record ProgressReport(List<MeasureProgress> updates, String summary, Instant reportedAt) {
        public ProgressReport {
            updates = List.copyOf(updates);
        }
    }

    public record Withdrawal(String reasons, Instant withdrawnAt) {
    }

    /** The requesting State's answer to a consultation: its position and the changes it accepts. */
    public record ConsultationAnswer(String position, List<String> acceptedChanges, Instant answeredAt) {
        public ConsultationAnswer {
            acceptedChanges = List.copyOf(acceptedChanges);
        }
    }

    /** Accepted measures found impossible to execute, with the requested State's reasons. */
    public record Impossibility(List<String> measureIds, String reasons, Instant foundAt) {
        public Impossibility {
            measureIds = List.copyOf(measureIds);
        }
    }

    /** @param answer {@code null} until answered */
    public record StatusQuestion(String question, LocalDate answerDueDate, Instant askedAt, String answer, Instant answeredAt) {
    }

    /**
     * @param statusBefore the status the request returns to if the requesting State continues
     * @param continuedAt  {@code null} until the requesting State continues
     */
    public record ConfidentialityNotice(String reasons, Instant declaredAt, RequestStatus statusBefore, String continueNote,
                                        Instant continuedAt) {
    }

    public record DecisionExtension(LocalDate previousDueDate, LocalDate newDueDate, String reasons, Instant extendedAt) {
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy used by {@link RequestDecider#evolve} to build the next state. */
    static final class Builder {
        UUID id;
        StateCode requestingState;
        StateCode requestedState;
        RequestStatus status;
        boolean urgent;
        boolean confidential;
        int version;
        List<RequestContent> contentVersions = new ArrayList<>();
        List<Measure> measures = new ArrayList<>();
        Acknowledgement acknowledgement;
        InformationRequest informationRequest;
        List<String> consultationMatters = new ArrayList<>();
        Postponement postponement;
        List<ConditionsProposal> conditions = new ArrayList<>();
        List<Acceptance> acceptances = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        List<ProgressReport> progressReports = new ArrayList<>();
        String completionSummary;
        String closingNote;
        Withdrawal withdrawal;
        Instant submittedAt;
        LocalDate acknowledgementDueDate;
        LocalDate decisionDueDate;
        LocalDate executionDueDate;
        EnumSet<DeadlineKind> remindedDeadlines = EnumSet.noneOf(DeadlineKind.class);
        Instant acknowledgedAt;
        Instant decidedAt;
        Instant executedAt;
        Instant closedAt;
        List<ConsultationAnswer> consultationAnswers = new ArrayList<>();
        List<Impossibility> impossibilities = new ArrayList<>();
        List<StatusQuestion> statusQuestions = new ArrayList<>();
        ConfidentialityNotice confidentialityNotice;
        DecisionExtension decisionExtension;
        UrgentChannel urgentChannel;
        Erasure erasure;

        Builder() {
        }

        private Builder(MlaRequest r) {
            id = r.id;
            requestingState = r.requestingState;
            requestedState = r.requestedState;
            status = r.status;
            urgent = r.urgent;
            confidential = r.confidential;
            version = r.version;
            contentVersions = new ArrayList<>(r.contentVersions);
            measures = new ArrayList<>(r.measures);
            acknowledgement = r.acknowledgement;
            informationRequest = r.informationRequest;
            consultationMatters = new ArrayList<>(r.consultationMatters);
            postponement = r.postponement;
            conditions = new ArrayList<>(r.conditions);
            acceptances = new ArrayList<>(r.acceptances);
            refusals = new ArrayList<>(r.refusals);
            progressReports = new ArrayList<>(r.progressReports);
            completionSummary = r.completionSummary;
            closingNote = r.closingNote;
            withdrawal = r.withdrawal;
            submittedAt = r.submittedAt;
            acknowledgementDueDate = r.acknowledgementDueDate;
            decisionDueDate = r.decisionDueDate;
            executionDueDate = r.executionDueDate;
            remindedDeadlines.addAll(r.remindedDeadlines);
            acknowledgedAt = r.acknowledgedAt;
            decidedAt = r.decidedAt;
            executedAt = r.executedAt;
            closedAt = r.closedAt;
            consultationAnswers = new ArrayList<>(r.consultationAnswers);
            impossibilities = new ArrayList<>(r.impossibilities);
            statusQuestions = new ArrayList<>(r.statusQuestions);
            confidentialityNotice = r.confidentialityNotice;
            decisionExtension = r.decisionExtension;
            urgentChannel = r.urgentChannel;
            erasure = r.erasure;
        }

        MlaRequest build() {
            return new MlaRequest(id, requestingState, requestedState, status, urgent, confidential, version,
                    contentVersions, measures, acknowledgement, informationRequest, consultationMatters, postponement,
                    conditions, acceptances, refusals, progressReports, completionSummary, closingNote, withdrawal,
                    submittedAt, acknowledgementDueDate, decisionDueDate, executionDueDate, remindedDeadlines,
                    acknowledgedAt, decidedAt, executedAt, closedAt, consultationAnswers, impossibilities, statusQuestions,
                    confidentialityNotice, decisionExtension, urgentChannel, erasure);
        }
    }
}
