package org.mlaexchange.contracts.request;

/** A procedure the requesting State wants followed in execution, and why. */
public record RequestedProcedure(String procedure, String reasons) {
}
