package org.mlaexchange.contracts.request;

/**
 * A person concerned by a request. {@code location} and {@code nationality} are optional.
 *
 * @param protectedPerson a protected witness or victim: the identity is shown only to the parties'
 *                        central authorities and never sent on urgent or INTERPOL channels
 */
public record PersonConcerned(String identity, String location, String nationality, boolean protectedPerson) {
}
