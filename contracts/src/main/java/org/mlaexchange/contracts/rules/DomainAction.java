package org.mlaexchange.contracts.rules;

/** An action of a case's transition table, as the refusals name it. */
public interface DomainAction {

    /** The action's name in messages and API paths, e.g. {@code acknowledge}. */
    String label();

    /** Who may take it, in words, e.g. {@code requested State} or {@code system}. */
    String party();
}
