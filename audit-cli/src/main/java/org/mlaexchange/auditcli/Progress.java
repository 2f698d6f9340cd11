package org.mlaexchange.auditcli;

import java.io.PrintStream;

/** Progress of a long replay on stderr, at most every two seconds, so the report on stdout stays clean. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;
    private final PrintStream err;
    private final boolean enabled;
    private final String label;
    private final long start = System.nanoTime();
    private long last = start;
    private long count;

    Progress(PrintStream err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    void tick() {
        count++;
        if (enabled && (count & 0x3FF) == 0) {
            long now = System.nanoTime();
            if (now - last >= EVERY_NANOS) {
                last = now;
                err.printf("[mla-audit] %s: %,d events verified (%,.0f/s)%n", label, count, rate());
            }
        }
    }

    double rate() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds == 0 ? 0 : count / seconds;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
