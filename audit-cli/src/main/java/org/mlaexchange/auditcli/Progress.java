package org.mlaexchange.auditcli;

import java.io.PrintStream;

/** Progress of a long replay on stderr, at most every two seconds, so the report on stdout stays clean. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    /** From the first event: connecting and reading checkpoints are not replay. */
    private long start;
    private long last;
    private long count;

    Progress(PrintStream err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    void tick() {
        if (count++ == 0) {
            start = System.nanoTime();
            last = start;
        }
        if (enabled && (count & 0x3FF) == 0) {
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                err.printf("[mla-audit] %s: %,d events verified (%,.0f/s)%n", label, count, rate());
            }
        }
    }

    double rate() {
        double seconds = seconds();
        return seconds == 0 ? 0 : count / seconds;
    }

    /** Seconds from the first event to now (0 before it). */
    double seconds() {
        return count == 0 ? 0 : (System.nanoTime() - start) / 1e9;
    }
}
