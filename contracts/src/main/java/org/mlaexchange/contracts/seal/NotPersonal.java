package org.mlaexchange.contracts.seal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event that names nobody (an id the system assigned, a language code), so it
 * stays in clear when the event is sealed: every other text is taken for personal data ({@link PersonalData}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NotPersonal {
}
