package org.mlaexchange.contracts.extradition;

/** One factor weighed between concurrent requests, and how the requested State assessed it. */
public record WeighedFactor(ConcurrencyFactor factor, String assessment) {
}
