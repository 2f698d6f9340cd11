package org.mlaexchange.request.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlaexchange.platform.metrics.OperationalMetrics;
import org.mlaexchange.platform.testing.TestClock;

/** The operator's gauges on /q/metrics follow the requests: by status, and overdue deadlines by kind and owing State. */
@QuarkusTest
class OperationalMetricsTest {

    @Inject
    TestClock clock;

    @Inject
    OperationalMetrics metrics;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void casesByStatusAndOverdueDeadlinesByOwingState() throws Exception {
        metrics.refresh();
        double submittedBefore = value("mla_cases{status=\"SUBMITTED\"}");
        double owedByArBefore = value("mla_deadlines_overdue{kind=\"ACKNOWLEDGEMENT\",owing_state=\"AR\"}");

        Api.submitted("nl", "AR");
        Api.submitted("nl", "AR");
        metrics.refresh();
        assertEquals(submittedBefore + 2, value("mla_cases{status=\"SUBMITTED\"}"));

        clock.advance(Duration.ofDays(9)); // acknowledgement is due within 7 days, owed by the requested State
        metrics.refresh();
        double owedByAr = value("mla_deadlines_overdue{kind=\"ACKNOWLEDGEMENT\",owing_state=\"AR\"}");
        assertTrue(owedByAr >= owedByArBefore + 2, "two more acknowledgements overdue, owed by AR: " + owedByAr);

        String scrape = scrape();
        for (String gauge : new String[] {"mla_relay_backlog ", "mla_relay_backlog_age_seconds ", "mla_audit_checkpoint_age_seconds ",
                "mla_audit_checkpoints_unpublished ", "mla_audit_events_unsigned "}) {
            assertTrue(scrape.contains("\n" + gauge), gauge + "missing from /q/metrics");
        }
    }

    /** From the management interface, where /q/metrics is served beside the operator's commands (its test port). */
    private static String scrape() {
        return "\n" + given().port(Api.managementPort()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** A series' value, 0 when absent; label order as Micrometer's Prometheus registry writes it (alphabetical). */
    private static double value(String series) {
        String name = series.substring(0, series.indexOf('{'));
        String labels = series.substring(series.indexOf('{') + 1, series.length() - 1);
        Matcher m = Pattern.compile("\n" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)").matcher(scrape());
        while (m.find()) {
            if (m.group(1).contains(labels) || m.group(1).replace(",application=\"request-service\"", "").equals(labels)) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
