package org.mlaexchange.contracts.request;

/** A person to contact about a request. {@code phone} is optional. */
public record ContactPerson(String name, String email, String phone) {
}
