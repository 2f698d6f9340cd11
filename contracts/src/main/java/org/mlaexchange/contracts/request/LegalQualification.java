package org.mlaexchange.contracts.request;

import org.mlaexchange.contracts.seal.NotPersonal;

/**
 * Legal qualification of the conduct: the crime category, the law that defines it and the penalty.
 *
 * @param annex the annex letter (e.g. "E"); required if and only if {@code category} is
 *              {@link CrimeCategory#ANNEX_CRIME}, otherwise {@code null}
 */
public record LegalQualification(CrimeCategory category, @NotPersonal String annex, String law, String penalty) {
}
