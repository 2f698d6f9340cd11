package org.mlaexchange.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings every service shares, under {@code mla.*}. */
@ConfigMapping(prefix = "mla")
public interface PlatformConfig {

    /** Service name, used in CloudEvents {@code source} ({@code /mla-exchange/<service>}) and lock names. */
    String service();

    Events events();

    Identity identity();

    Http http();

    Projections projections();

    Audit audit();

    Writes writes();

    Seal seal();

    Retention retention();

    Statistics statistics();

    interface Statistics {
        /**
         * How long a statistics call waits for the events appended since the last call to be folded. Longer (after an
         * upgrade, the whole history at first) it answers 503 with Retry-After, and the fold goes on without it.
         */
        @WithDefault("10s")
        Duration foldWait();
    }

    /** The retention rule: when the personal data of a settled case is erased by the operator's command. */
    interface Retention {
        /**
         * How long a case's personal data is kept once the case settled (a status from which its erasure is
         * allowed), ISO-8601: a period ({@code P5Y}, counted in calendar days in UTC) or a duration
         * ({@code PT10S}, for tests); none: the retention command erases nothing.
         */
        Optional<String> period();

        /** Most cases one run of the command erases (run it again for the rest). */
        @WithDefault("500")
        int batch();
    }

    interface Seal {
        /**
         * The key-encryption key wrapping every case's data key: 32 bytes (AES-256) in base64. The shared
         * default is a development key known to all; deployments set their own (a Kubernetes Secret).
         */
        String kek();

        /** Its id, stored beside each wrapped key; {@code local-dev} names the development key. */
        String kekId();

        /**
         * Key-encryption keys rotated out that still unwrap the rows not re-wrapped yet, each {@code <id>=<base64>}
         * (comma-separated). Remove one once the re-wrap command reports no row left under it.
         */
        Optional<List<String>> previousKeks();
    }

    interface Writes {
        /** Most changes one group commit carries (see platform Writes). */
        @WithDefault("256")
        int maxGroup();

        /** Writer threads; each holds one group commit (and one database connection) at a time. */
        @WithDefault("2")
        int writers();
    }

    interface Audit {
        /** Ed25519 private key (PKCS#8, PEM or base64) signing checkpoints; without it one is generated at start-up. */
        Optional<String> signingKey();

        /** Its public key (X.509, PEM or base64). */
        Optional<String> publicKey();

        /** How often the log head is signed when it has moved. */
        @WithDefault("1m")
        Duration checkpointEvery();

        /** Kafka topic every checkpoint is published to (keyed by service), for witnesses outside the service. */
        @WithDefault("mla.audit.checkpoints")
        String checkpointsTopic();
    }

    interface Projections {
        /** Whether this service keeps the request projection (build time: it includes the consumer). */
        @WithDefault("false")
        boolean requests();
    }

    /** Classpath resource holding the States Parties and their declarations. */
    @WithDefault("mla/states.json")
    String referenceData();

    interface Events {
        /** Topic this service's event log is published to, e.g. {@code mla.request.events}. */
        String topic();

        Relay relay();
    }

    interface Relay {
        @WithDefault("true")
        boolean enabled();

        /** Longest wait for a NOTIFY before the relay looks at the log anyway. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How often a standby relay tries to become the active one. */
        @WithDefault("2s")
        Duration standbyRetry();

        @WithDefault("500")
        int batchSize();
    }

    interface Identity {
        /** OIDC tenants whose auditors oversee every case (the independent oversight body). */
        @WithDefault("oversight")
        List<String> oversightTenants();
    }

    interface Http {
        /** Largest JSON request body accepted; larger ones get 413 problem+json. */
        @WithDefault("1048576")
        long maxJsonBodyBytes();
    }
}
