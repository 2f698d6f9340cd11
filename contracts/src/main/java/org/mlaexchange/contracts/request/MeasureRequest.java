package org.mlaexchange.contracts.request;

/** One measure of assistance asked for: its kind and what exactly is to be done. */
public record MeasureRequest(MeasureKind kind, String specifics) {
}
