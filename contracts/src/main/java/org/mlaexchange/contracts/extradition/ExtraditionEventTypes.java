package org.mlaexchange.contracts.extradition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Stable CloudEvents {@code type} names of the extradition events. They are written here by hand,
 * never derived from class names, so renaming a class cannot break the replay of published history.
 */
public final class ExtraditionEventTypes {

    private static final String PREFIX = "org.mlaexchange.extradition.";

    public static final String PROVISIONAL_ARREST_REQUESTED = PREFIX + "provisional-arrest-requested.v1";
    public static final String EXTRADITION_REQUESTED = PREFIX + "extradition-requested.v1";
    public static final String FORMAL_REQUEST_SUBMITTED = PREFIX + "formal-request-submitted.v1";
    public static final String REQUEST_ACKNOWLEDGED = PREFIX + "request-acknowledged.v1";
    public static final String ARREST_RECORDED = PREFIX + "arrest-recorded.v1";
    public static final String RELEASE_RECORDED = PREFIX + "release-recorded.v1";
    public static final String SUPPLEMENTARY_INFORMATION_REQUESTED = PREFIX + "supplementary-information-requested.v1";
    public static final String SUPPLEMENTARY_INFORMATION_PROVIDED = PREFIX + "supplementary-information-provided.v1";
    public static final String SIMPLIFIED_CONSENT_RECORDED = PREFIX + "simplified-consent-recorded.v1";
    public static final String ASSURANCES_REQUESTED = PREFIX + "assurances-requested.v1";
    public static final String ASSURANCES_PROVIDED = PREFIX + "assurances-provided.v1";
    public static final String GRANTED = PREFIX + "granted.v1";
    public static final String REFUSED = PREFIX + "refused.v1";
    public static final String SUBMITTED_FOR_PROSECUTION = PREFIX + "submitted-for-prosecution.v1";
    public static final String PROSECUTION_OUTCOME_REPORTED = PREFIX + "prosecution-outcome-reported.v1";
    public static final String SURRENDER_SCHEDULED = PREFIX + "surrender-scheduled.v1";
    public static final String SURRENDER_POSTPONED = PREFIX + "surrender-postponed.v1";
    public static final String TEMPORARILY_SURRENDERED = PREFIX + "temporarily-surrendered.v1";
    public static final String PERSON_RETURNED = PREFIX + "person-returned.v1";
    public static final String SURRENDERED = PREFIX + "surrendered.v1";
    public static final String NOT_TAKEN_OVER = PREFIX + "not-taken-over.v1";
    public static final String TRANSIT_REQUESTED = PREFIX + "transit-requested.v1";
    public static final String TRANSIT_DECIDED = PREFIX + "transit-decided.v1";
    public static final String CONCURRENT_REQUESTS_RECORDED = PREFIX + "concurrent-requests-recorded.v1";
    public static final String PERSONAL_DATA_ERASED = PREFIX + "personal-data-erased.v1";
    public static final String SPECIALITY_CONSENT_REQUESTED = PREFIX + "speciality-consent-requested.v1";
    public static final String SPECIALITY_CONSENT_DECIDED = PREFIX + "speciality-consent-decided.v1";
    public static final String RE_EXTRADITION_CONSENT_REQUESTED = PREFIX + "re-extradition-consent-requested.v1";
    public static final String RE_EXTRADITION_CONSENT_DECIDED = PREFIX + "re-extradition-consent-decided.v1";
    public static final String WITHDRAWN = PREFIX + "withdrawn.v1";
    public static final String CLOSED = PREFIX + "closed.v1";
    public static final String DEADLINE_OVERDUE = PREFIX + "deadline-overdue.v1";

    private static final Map<Class<? extends ExtraditionEvent>, String> TYPE_BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Class<? extends ExtraditionEvent>> CLASS_BY_TYPE = new LinkedHashMap<>();

    static {
        register(ExtraditionEvent.ProvisionalArrestRequested.class, PROVISIONAL_ARREST_REQUESTED);
        register(ExtraditionEvent.ExtraditionRequested.class, EXTRADITION_REQUESTED);
        register(ExtraditionEvent.FormalRequestSubmitted.class, FORMAL_REQUEST_SUBMITTED);
        register(ExtraditionEvent.RequestAcknowledged.class, REQUEST_ACKNOWLEDGED);
        register(ExtraditionEvent.ArrestRecorded.class, ARREST_RECORDED);
        register(ExtraditionEvent.ReleaseRecorded.class, RELEASE_RECORDED);
        register(ExtraditionEvent.SupplementaryInformationRequested.class, SUPPLEMENTARY_INFORMATION_REQUESTED);
        register(ExtraditionEvent.SupplementaryInformationProvided.class, SUPPLEMENTARY_INFORMATION_PROVIDED);
        register(ExtraditionEvent.SimplifiedConsentRecorded.class, SIMPLIFIED_CONSENT_RECORDED);
        register(ExtraditionEvent.AssurancesRequested.class, ASSURANCES_REQUESTED);
        register(ExtraditionEvent.AssurancesProvided.class, ASSURANCES_PROVIDED);
        register(ExtraditionEvent.Granted.class, GRANTED);
        register(ExtraditionEvent.Refused.class, REFUSED);
        register(ExtraditionEvent.SubmittedForProsecution.class, SUBMITTED_FOR_PROSECUTION);
        register(ExtraditionEvent.ProsecutionOutcomeReported.class, PROSECUTION_OUTCOME_REPORTED);
        register(ExtraditionEvent.SurrenderScheduled.class, SURRENDER_SCHEDULED);
        register(ExtraditionEvent.SurrenderPostponed.class, SURRENDER_POSTPONED);
        register(ExtraditionEvent.TemporarilySurrendered.class, TEMPORARILY_SURRENDERED);
        register(ExtraditionEvent.PersonReturned.class, PERSON_RETURNED);
        register(ExtraditionEvent.Surrendered.class, SURRENDERED);
        register(ExtraditionEvent.NotTakenOver.class, NOT_TAKEN_OVER);
        register(ExtraditionEvent.TransitRequested.class, TRANSIT_REQUESTED);
        register(ExtraditionEvent.TransitDecided.class, TRANSIT_DECIDED);
        register(ExtraditionEvent.ConcurrentRequestsRecorded.class, CONCURRENT_REQUESTS_RECORDED);
        register(ExtraditionEvent.SpecialityConsentRequested.class, SPECIALITY_CONSENT_REQUESTED);
        register(ExtraditionEvent.SpecialityConsentDecided.class, SPECIALITY_CONSENT_DECIDED);
        register(ExtraditionEvent.ReExtraditionConsentRequested.class, RE_EXTRADITION_CONSENT_REQUESTED);
        register(ExtraditionEvent.ReExtraditionConsentDecided.class, RE_EXTRADITION_CONSENT_DECIDED);
        register(ExtraditionEvent.Withdrawn.class, WITHDRAWN);
        register(ExtraditionEvent.Closed.class, CLOSED);
        register(ExtraditionEvent.DeadlineOverdue.class, DEADLINE_OVERDUE);
        register(ExtraditionEvent.PersonalDataErased.class, PERSONAL_DATA_ERASED);
    }

    private ExtraditionEventTypes() {
    }

    private static void register(Class<? extends ExtraditionEvent> eventClass, String type) {
        TYPE_BY_CLASS.put(eventClass, type);
        CLASS_BY_TYPE.put(type, eventClass);
    }

    /** The CloudEvents type of an event. */
    public static String typeOf(ExtraditionEvent event) {
        return typeOf(event.getClass());
    }

    /** The CloudEvents type of an event class; {@link IllegalArgumentException} if it is not an extradition event. */
    public static String typeOf(Class<?> eventClass) {
        String type = TYPE_BY_CLASS.get(eventClass);
        if (type == null) {
            throw new IllegalArgumentException("not an extradition event class: " + eventClass);
        }
        return type;
    }

    /** The event class of a CloudEvents type; {@link IllegalArgumentException} if the type is unknown. */
    public static Class<? extends ExtraditionEvent> classOf(String type) {
        Class<? extends ExtraditionEvent> eventClass = CLASS_BY_TYPE.get(type);
        if (eventClass == null) {
            throw new IllegalArgumentException("unknown extradition event type: " + type);
        }
        return eventClass;
    }

    /** Every extradition event type, in lifecycle order. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(CLASS_BY_TYPE.keySet()));
    }
}
