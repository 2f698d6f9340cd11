package org.mlaexchange.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.restassured.path.json.JsonPath;

/** A list sorted by next due date (sort=due), walked page by page as a client does, and the checks of its order. */
public final class DueOrder {

    private DueOrder() {
    }

    /** Every item of the list: {@code page} answers one page for a cursor (null: the first). */
    public static List<Map<String, Object>> walk(Function<String, JsonPath> page) {
        List<Map<String, Object>> walked = new ArrayList<>();
        String after = null;
        do {
            JsonPath answer = page.apply(after);
            walked.addAll(answer.getList("items"));
            after = answer.getString("next");
        } while (after != null);
        return walked;
    }

    /**
     * The walk holds the same cases as the newest-first list, each once, due dates never going back, those
     * without a running deadline last; returns the ids in the walk's order.
     */
    public static List<Object> assertSortedByDue(List<Map<String, Object>> walked, List<Object> newestFirst) {
        List<Object> ids = walked.stream().map(i -> i.get("id")).toList();
        assertEquals(new HashSet<>(newestFirst), new HashSet<>(ids), "the same cases in both orders");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no case on two pages");
        Instant previous = Instant.MIN;
        boolean noneSeen = false;
        for (Map<String, Object> item : walked) {
            Object due = item.get("nextDeadlineAt");
            if (due == null) {
                noneSeen = true;
                continue;
            }
            assertTrue(!noneSeen, "a case with a deadline after one without: " + item.get("id"));
            Instant at = Instant.parse(due.toString());
            assertTrue(!at.isBefore(previous), at + " listed after " + previous);
            previous = at;
        }
        return ids;
    }
}
