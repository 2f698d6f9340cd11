package org.mlaexchange.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Evidence settings ({@code mla.evidence.*}). */
@ConfigMapping(prefix = "mla.evidence")
public interface EvidenceConfig {

    /** Largest content accepted for one item; larger uploads get 413 and store nothing. */
    @WithDefault("2147483648")
    long maxContentBytes();
}
