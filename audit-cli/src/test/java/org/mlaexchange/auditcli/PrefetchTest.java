package org.mlaexchange.auditcli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The reader thread hands over every line in order, and its failure, whatever it is, instead of leaving the verifier waiting. */
class PrefetchTest {

    @Test
    void everyLineArrivesInOrderAcrossBatches() {
        List<String> lines = IntStream.range(0, 4_321).mapToObj(Integer::toString).toList();
        List<String> read = new ArrayList<>();
        new Prefetch(lines.iterator(), "test").forEachRemaining(read::add);
        assertEquals(lines, read);
    }

    @Test
    void aReaderThatRunsOutOfMemoryFailsTheVerifierInsteadOfLeavingItWaiting() {
        OutOfMemoryError outOfMemory = new OutOfMemoryError("GC overhead limit exceeded (simulated)");
        Prefetch prefetch = new Prefetch(failingAfter(2_500, outOfMemory), "test");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 2_000; i++) {
                prefetch.next(); // the first batch arrived before the failure
            }
            assertSame(outOfMemory, assertThrows(OutOfMemoryError.class, prefetch::hasNext));
        });
    }

    @Test
    void aFailingSourceFailsTheVerifier() {
        IllegalStateException broken = new IllegalStateException("connection reset");
        Prefetch prefetch = new Prefetch(failingAfter(10, broken), "test");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertSame(broken, assertThrows(IllegalStateException.class, () -> {
            while (prefetch.hasNext()) {
                prefetch.next();
            }
        })));
    }

    private static Iterator<String> failingAfter(int lines, Throwable failure) {
        return new Iterator<>() {
            private int given;

            @Override
            public boolean hasNext() {
                if (given == lines) {
                    if (failure instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) failure;
                }
                return true;
            }

            @Override
            public String next() {
                return Integer.toString(given++);
            }
        };
    }
}
