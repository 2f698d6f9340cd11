package org.mlaexchange.platform.eventlog;

/** What the acting State holds after a change: the event that records it and its place in the chain. */
public record Receipt(String eventId, String type, String caseId, long caseseq, long logseq, String hash) {
}
