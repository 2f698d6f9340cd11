package org.mlaexchange.platform.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * New ids of cases, events and uploads: UUID version 7 (RFC 9562, section 5.7), the creation millisecond in the
 * first 48 bits and 74 random bits after it. Ids made later sort after earlier ones (as UUIDs and as text), so a
 * new row's index entries go to the right-hand end of each B-tree instead of a random page: after every
 * checkpoint PostgreSQL writes the whole of each page it touches again to the WAL, and with random ids that was
 * most of a submission's WAL (docs/benchmarks.md, session 13). The random bits keep ids unguessable: unlike a
 * counter within the millisecond (Hibernate's version 7 strategy), one id tells nothing of the next.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** As {@link #next()} with the clock given (tests). */
    public static UUID next(Clock clock) {
        return at(clock.millis());
    }

    private static UUID at(long epochMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16  // unix_ts_ms
                | 0x7000                                        // ver = 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);  // rand_a, 12 bits
        long low = 0x8000_0000_0000_0000L                       // var = 0b10
                | ((random[2] & 0x3FL) << 56);                  // rand_b, 62 bits
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }
}
