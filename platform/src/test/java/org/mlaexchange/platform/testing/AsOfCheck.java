package org.mlaexchange.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Every case of a service's log, rebuilt by folding its events as of now, must equal the case as the service shows it live. */
public final class AsOfCheck {

    private AsOfCheck() {
    }

    /**
     * @param live the live view of a case for the oversight auditor, given its id and the type of its first event
     * @return how many cases were compared
     */
    public static int assertEveryCaseRebuildsToItsLiveState(AgroalDataSource dataSource, BiFunction<String, String, Object> live)
            throws SQLException {
        Map<String, String> cases = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT case_id, type FROM event_log WHERE caseseq = 1 ORDER BY logseq")) {
            while (rs.next()) {
                cases.put(rs.getString(1), rs.getString(2));
            }
        }
        String auditor = Tokens.auditor("oversight");
        List<String> differing = new ArrayList<>();
        cases.forEach((id, firstType) -> {
            // every event folded: a test that moved its clock ahead leaves events dated after the real now
            Object rebuilt = given().auth().oauth2(auditor).queryParam("asOf", "9999-12-31T23:59:59Z").get("/api/audit/cases/" + id)
                    .then().statusCode(200).extract().path("state");
            Object shown = withoutViewFields(live.apply(id, firstType));
            if (!shown.equals(rebuilt)) {
                differing.add(id + " (" + firstType + "):\n  live    " + shown + "\n  rebuilt " + rebuilt);
            }
        });
        assertTrue(cases.size() > 0, "no cases in the log");
        assertEquals(List.of(), differing, "cases whose rebuilt state differs from the live one");
        return cases.size();
    }

    /** What a GET adds to the case for its caller (the actions it may take; a transfer's items) is not state. */
    private static Object withoutViewFields(Object shown) {
        if (!(shown instanceof Map<?, ?> view)) {
            return shown;
        }
        Map<Object, Object> state = new LinkedHashMap<>(view);
        state.remove("allowedActions");
        return state;
    }
}
