package org.mlaexchange.platform.seal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which key-encryption key unwraps a data key: the one whose id is stored beside it, the current one or a previous one. */
class KeyEncryptionKeySelectionTest {

    private static final String A = "bWxhLWV4Y2hhbmdlIGRldmVsb3BtZW50IGtlayAhISE=";
    private static final String B = "FHGS95yJpD7r+hh+GHy/QWj8+6UqO7NYf+wpr7tPtaQ=";
    private static final byte[] DATA_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void afterARotationTheCurrentKeyWrapsAndTheIdBesideEachRowChoosesTheUnwrappingKey() {
        ConfiguredKeyEncryptionKey before = new ConfiguredKeyEncryptionKey("kek-a", A, List.of());
        ConfiguredKeyEncryptionKey after = new ConfiguredKeyEncryptionKey("kek-b", B, List.of("kek-a=" + A));
        byte[] underA = before.wrap(DATA_KEY, "case-1:key-1");
        byte[] underB = after.wrap(DATA_KEY, "case-1:key-1");

        assertEquals("kek-b", after.id());
        assertArrayEquals(DATA_KEY, after.unwrap(underA, "kek-a", "case-1:key-1"), "the previous key still unwraps its rows");
        assertArrayEquals(DATA_KEY, after.unwrap(underB, "kek-b", "case-1:key-1"));
        // new wraps are under B: A does not open them, and the id decides, not trial and error
        assertThrows(IllegalStateException.class, () -> before.unwrap(underB, "kek-a", "case-1:key-1"));
        assertThrows(IllegalStateException.class, () -> after.unwrap(underA, "kek-b", "case-1:key-1"));
        // bound to its case: another context does not unwrap
        assertThrows(IllegalStateException.class, () -> after.unwrap(underA, "kek-a", "case-2:key-1"));
        // once A leaves the configuration, its rows say so instead of opening
        ConfiguredKeyEncryptionKey retired = new ConfiguredKeyEncryptionKey("kek-b", B, List.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> retired.unwrap(underA, "kek-a", "case-1:key-1"));
        assertTrue(e.getMessage().contains("kek-a"), e.getMessage());
    }

    @Test
    void aPreviousKeyNeedsAnIdAndAKeyOfThirtyTwoBytesAndNamesNoKeyTwice() {
        assertThrows(IllegalStateException.class, () -> new ConfiguredKeyEncryptionKey("kek-b", B, List.of(A)));
        assertThrows(IllegalStateException.class, () -> new ConfiguredKeyEncryptionKey("kek-b", B, List.of("kek-a=c2hvcnQ=")));
        assertThrows(IllegalStateException.class, () -> new ConfiguredKeyEncryptionKey("kek-b", B, List.of("kek-b=" + A)));
    }

    @Test
    void theRetentionPeriodIsAPeriodInCalendarDaysOrADuration() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertEquals(Instant.parse("2021-03-01T12:00:00Z"), RetentionRule.cutoff("P5Y", now));
        assertEquals(Instant.parse("2026-02-01T12:00:00Z"), RetentionRule.cutoff("P1M", now));
        assertEquals(Instant.parse("2026-03-01T11:59:57Z"), RetentionRule.cutoff("PT3S", now));
        assertThrows(IllegalStateException.class, () -> RetentionRule.cutoff("5 years", now));
    }
}
