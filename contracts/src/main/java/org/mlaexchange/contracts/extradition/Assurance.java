package org.mlaexchange.contracts.extradition;

/** An assurance asked for by the requested State, or given by the requesting State, and its wording. */
public record Assurance(AssuranceKind kind, String text) {
}
