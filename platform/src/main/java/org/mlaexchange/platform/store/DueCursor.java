package org.mlaexchange.platform.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.mlaexchange.platform.problem.Problem;
import org.mlaexchange.platform.problem.ProblemException;

/**
 * Where a page of a list sorted by next due date stopped: the last case's due moment (null: no deadline
 * runs, such cases come last) and its insertion order, which breaks ties. Written {@code <epoch µs>_<seq>}
 * or {@code none_<seq>}; microseconds because PostgreSQL keeps timestamps to the microsecond, so the
 * cursor compares equal to the stored value.
 */
public record DueCursor(Instant due, long listSeq) {

    /** A list's sort order: {@code newest} first (insertion order), or the nearest {@code due} date first (overdue ones first). */
    public static final String SORT_PATTERN = "newest|due";
    public static final String SORT_MESSAGE = "must be newest or due";
    /** Either kind of cursor: a plain insertion number (newest first) or a due-date cursor. */
    public static final String PATTERN = "\\d{1,18}|(-?\\d{1,19}|none)_\\d{1,18}";

    public static DueCursor of(Instant due, long listSeq) {
        return new DueCursor(due == null ? null : due.truncatedTo(ChronoUnit.MICROS), listSeq);
    }

    /** The cursor of a due-date page; 400 with the field named when {@code after} is a cursor of the other order. */
    public static DueCursor parse(String after) {
        if (after == null) {
            return null;
        }
        int sep = after.indexOf('_');
        if (sep < 0) {
            throw malformed(after, "a cursor of a list sorted newest first: ask without sort=due");
        }
        String due = after.substring(0, sep);
        try {
            long seq = Long.parseLong(after.substring(sep + 1));
            return new DueCursor("none".equals(due) ? null : Instant.EPOCH.plus(Long.parseLong(due), ChronoUnit.MICROS), seq);
        } catch (NumberFormatException | java.time.DateTimeException | ArithmeticException e) {
            throw malformed(after, "out of range");
        }
    }

    /** The cursor of a newest-first page (an insertion number); 400 with the field named when it is a due-date cursor. */
    public static Long newest(String after) {
        if (after == null) {
            return null;
        }
        if (after.indexOf('_') >= 0) {
            throw malformed(after, "a cursor of a list sorted by due date: ask with sort=due");
        }
        return Long.valueOf(after);
    }

    private static ProblemException malformed(String after, String why) {
        return ProblemException.badRequest("malformed-parameter", "Query parameter after must be the cursor of a previous page",
                List.of(new Problem.FieldError("after", why + ": " + after)));
    }

    @Override
    public String toString() {
        return (due == null ? "none" : String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, due))) + "_" + listSeq;
    }
}
