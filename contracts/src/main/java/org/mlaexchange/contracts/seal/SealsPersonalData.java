package org.mlaexchange.contracts.seal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The events of this contract have their personal data sealed before they enter a log
 * ({@link PersonalData}); the services whose events do not carry it yet keep writing them in clear.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SealsPersonalData {
}
