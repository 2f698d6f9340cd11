package org.mlaexchange.contracts.request;

/** An authority named in a request. {@code address} is optional. */
public record Authority(String name, String address) {
}
