package org.mlaexchange.contracts.request;

/**
 * Kinds of assistance a measure of a request asks for. The first group follows the draft Article 22
 * list of the seed text; the second group is expected from the model instruments (UNTOC).
 * Codes are stable: they appear in published events.
 */
public enum MeasureKind {
    /** Taking evidence or statements from persons, including by video conference. */
    TAKING_EVIDENCE_OR_STATEMENTS,
    /** Examining objects and sites. */
    EXAMINING_OBJECTS_AND_SITES,
    /** Providing information, evidentiary items and expert evaluations. */
    PROVIDING_INFORMATION_AND_EVIDENCE,
    /** Providing originals or certified copies of documents and records, including financial records. */
    PROVIDING_DOCUMENTS_AND_RECORDS,
    /** Special investigative techniques (e.g. controlled delivery, electronic surveillance). */
    SPECIAL_INVESTIGATIVE_TECHNIQUES,
    /** Facilitating the voluntary appearance of persons, including detainees, in the requesting State. */
    FACILITATING_VOLUNTARY_APPEARANCE,
    /** Cross-border investigations. */
    CROSS_BORDER_INVESTIGATIONS,
    /** Measures to protect witnesses and victims. */
    PROTECTION_OF_WITNESSES_AND_VICTIMS,

    /** Service of judicial documents (model instruments). */
    SERVICE_OF_DOCUMENTS,
    /** Searches and seizures (model instruments). */
    SEARCH_AND_SEIZURE,
    /** Freezing and confiscation of proceeds, property and instrumentalities (model instruments). */
    FREEZING_AND_CONFISCATION_OF_ASSETS,
    /** Identifying or locating persons (model instruments). */
    IDENTIFYING_OR_LOCATING_PERSONS,

    /** Any other assistance not contrary to the law of the requested State; the specifics say what. */
    OTHER_ASSISTANCE
}
