package org.mlaexchange.contracts.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stable CloudEvents {@code type} names of the request events. They are written here by hand, never
 * derived from class names, so renaming a class cannot break the replay of published history.
 */
public final class RequestEventTypes {

    private static final String PREFIX = "org.mlaexchange.request.";

    public static final String SUBMITTED = PREFIX + "submitted.v1";
    public static final String ACKNOWLEDGED = PREFIX + "acknowledged.v1";
    public static final String INFORMATION_REQUESTED = PREFIX + "information-requested.v1";
    public static final String INFORMATION_PROVIDED = PREFIX + "information-provided.v1";
    public static final String CONSULTATION_OPENED = PREFIX + "consultation-opened.v1";
    public static final String POSTPONED = PREFIX + "postponed.v1";
    public static final String CONDITIONS_PROPOSED = PREFIX + "conditions-proposed.v1";
    public static final String CONDITIONS_ACCEPTED = PREFIX + "conditions-accepted.v1";
    public static final String CONDITIONS_REJECTED = PREFIX + "conditions-rejected.v1";
    public static final String REFUSED = PREFIX + "refused.v1";
    public static final String ACCEPTED = PREFIX + "accepted.v1";
    public static final String PROGRESS_REPORTED = PREFIX + "progress-reported.v1";
    public static final String COMPLETED = PREFIX + "completed.v1";
    public static final String CLOSED = PREFIX + "closed.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    public static final String DEADLINE_OVERDUE = PREFIX + "deadline-overdue.v1";
    public static final String CONSULTATION_ANSWERED = PREFIX + "consultation-answered.v1";
    public static final String MEASURES_IMPOSSIBLE = PREFIX + "measures-impossible.v1";
    public static final String STATUS_REQUESTED = PREFIX + "status-requested.v1";
    public static final String STATUS_ANSWERED = PREFIX + "status-answered.v1";
    public static final String SUPPLEMENTED = PREFIX + "supplemented.v1";
    public static final String CONFIDENTIALITY_NOT_ASSURED = PREFIX + "confidentiality-not-assured.v1";
    public static final String CONTINUED_WITHOUT_CONFIDENTIALITY = PREFIX + "continued-without-confidentiality.v1";
    public static final String DECISION_DEADLINE_EXTENDED = PREFIX + "decision-deadline-extended.v1";
    public static final String PERSONAL_DATA_ERASED = PREFIX + "personal-data-erased.v1";

    private static final Map<Class<? extends RequestEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends RequestEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();

    static {
        register(RequestEvent.Submitted.class, SUBMITTED);
        register(RequestEvent.Acknowledged.class, ACKNOWLEDGED);
        register(RequestEvent.InformationRequested.class, INFORMATION_REQUESTED);
        register(RequestEvent.InformationProvided.class, INFORMATION_PROVIDED);
        register(RequestEvent.ConsultationOpened.class, CONSULTATION_OPENED);
        register(RequestEvent.Postponed.class, POSTPONED);
        register(RequestEvent.ConditionsProposed.class, CONDITIONS_PROPOSED);
        register(RequestEvent.ConditionsAccepted.class, CONDITIONS_ACCEPTED);
        register(RequestEvent.ConditionsRejected.class, CONDITIONS_REJECTED);
        register(RequestEvent.Refused.class, REFUSED);
        register(RequestEvent.Accepted.class, ACCEPTED);
        register(RequestEvent.ProgressReported.class, PROGRESS_REPORTED);
        register(RequestEvent.Completed.class, COMPLETED);
        register(RequestEvent.Closed.class, CLOSED);
        register(RequestEvent.Withdrawn.class, WITHDRAWN);
        register(RequestEvent.DeadlineOverdue.class, DEADLINE_OVERDUE);
        register(RequestEvent.ConsultationAnswered.class, CONSULTATION_ANSWERED);
        register(RequestEvent.MeasuresImpossible.class, MEASURES_IMPOSSIBLE);
        register(RequestEvent.StatusRequested.class, STATUS_REQUESTED);
        register(RequestEvent.StatusAnswered.class, STATUS_ANSWERED);
        register(RequestEvent.Supplemented.class, SUPPLEMENTED);
        register(RequestEvent.ConfidentialityNotAssured.class, CONFIDENTIALITY_NOT_ASSURED);
        register(RequestEvent.ContinuedWithoutConfidentiality.class, CONTINUED_WITHOUT_CONFIDENTIALITY);
        register(RequestEvent.DecisionDeadlineExtended.class, DECISION_DEADLINE_EXTENDED);
        register(RequestEvent.PersonalDataErased.class, PERSONAL_DATA_ERASED);
    }

    private RequestEventTypes() {
    }

    private static void register(Class<? extends RequestEvent> eventClass, String type) {
        TYPE_BY_CLASS.put(eventClass, type);
        CLASS_BY_TYPE.put(type, eventClass);
    }

    /** The CloudEvents type of an event. */
    public static String typeOf(RequestEvent event) {
        return typeOf(event.getClass());
    }

    /** The CloudEvents type of an event class; {@link IllegalArgumentException} if it is not a request event. */
    public static String typeOf(Class<?> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not a request event class: " + eventClass);
        }
        return type;
    }

    /** The event class of a CloudEvents type; {@link IllegalArgumentException} if the type is unknown. */
    public static Class<? extends RequestEvent> classOf(String type) {
        Class<? extends RequestEvent> eventClass = CLASS_BY_TYPE.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown request event type: " + type);
        }
        return eventClass;
    }

    /** Every request event type: the lifecycle in order, then later additions in the order they were published. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(CLASS_BY_TYPE.keySet()));
    }
}
