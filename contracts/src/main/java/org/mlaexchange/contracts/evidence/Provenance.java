package org.mlaexchange.contracts.evidence;

import java.time.LocalDate;

/**
 * How, when, where and by whom an evidence item was obtained.
 *
 * @param method     how, e.g. "Seized during the search of 12 March 2025" or "Hearing by video conference"
 * @param obtainedOn the day it was obtained
 * @param place      where
 * @param obtainedBy the authority or person who obtained it
 */
public record Provenance(String method, LocalDate obtainedOn, String place, String obtainedBy) {
}
