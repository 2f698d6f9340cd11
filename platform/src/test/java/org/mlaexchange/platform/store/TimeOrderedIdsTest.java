package org.mlaexchange.platform.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Version 7 ids: the creation millisecond first, so that later ids sort after earlier ones, and random bits after it. */
class TimeOrderedIdsTest {

    private static Clock at(long epochMillis) {
        return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    @Test
    void carriesItsMillisecondVersionAndVariant() {
        long millis = Instant.parse("2026-12-03T09:15:00.123Z").toEpochMilli();
        UUID id = TimeOrderedIds.next(at(millis));
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "RFC 9562 variant (0b10)");
        assertEquals(millis, id.getMostSignificantBits() >>> 16, "the first 48 bits are the Unix time in milliseconds");
        assertEquals(Long.toHexString(millis), id.toString().replace("-", "").substring(0, 12).replaceFirst("^0+", ""));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        // as PostgreSQL orders both the uuid type (bytewise) and the text of an id kept in a varchar column
        long millis = Instant.parse("2026-12-03T09:15:00Z").toEpochMilli();
        String previous = TimeOrderedIds.next(at(millis)).toString();
        for (long step : new long[] {1, 2, 255, 256, 65_536, 1L << 32}) {
            String later = TimeOrderedIds.next(at(millis + step)).toString();
            assertTrue(later.compareTo(previous) > 0, later + " made " + step + " ms later sorts after " + previous);
            previous = later;
        }
    }

    @Test
    void idsOfTheSameMillisecondDifferInTheirRandomBits() {
        Clock clock = at(Instant.parse("2026-12-03T09:15:00Z").toEpochMilli());
        Set<UUID> ids = new HashSet<>();
        Set<Long> randA = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = TimeOrderedIds.next(clock);
            ids.add(id);
            randA.add(id.getMostSignificantBits() & 0xFFF);
        }
        assertEquals(10_000, ids.size());
        // not a counter: the 12 bits after the version take many values, not 0, 1, 2, ...
        assertTrue(randA.size() > 3_000, "rand_a took " + randA.size() + " values");
    }
}
