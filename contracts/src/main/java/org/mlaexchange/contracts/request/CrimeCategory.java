package org.mlaexchange.contracts.request;

/** Legal basis of a case: a core crime (Art. 2(1)) or a crime of an annex declared by both States (Art. 2(2)). */
public enum CrimeCategory {
    GENOCIDE,
    CRIMES_AGAINST_HUMANITY,
    WAR_CRIMES,
    /** A crime listed in an annex; valid only between States that both declared that annex. */
    ANNEX_CRIME
}
