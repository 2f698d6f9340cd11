package org.mlaexchange.platform.seal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The operator's commands on sealed personal data, on the management interface only (its own port, never
 * the public API's, not behind the ingress; docs/decisions.md): {@code GET /mla/retention} lists the cases
 * whose retention ended, {@code POST /mla/retention} erases them, {@code POST /mla/seal/rewrap} re-wraps the
 * data keys under the current key-encryption key. Each answers its report as JSON.
 */
@ApplicationScoped
public class OperatorRoutes {

    private static final Logger LOG = Logger.getLogger(OperatorRoutes.class);

    void routes(@Observes ManagementInterface management, RetentionRule retention, KeyRotation rotation, ObjectMapper json) {
        management.router().get("/mla/retention").blockingHandler(answer(json, () -> retention.apply(true)));
        management.router().post("/mla/retention").blockingHandler(answer(json, () -> retention.apply(false)));
        management.router().post("/mla/seal/rewrap").blockingHandler(answer(json, rotation::rewrap));
    }

    private static Handler<RoutingContext> answer(ObjectMapper json, Supplier<Object> command) {
        return context -> {
            try {
                context.response().putHeader("Content-Type", "application/json").end(json.writeValueAsString(command.get()));
            } catch (Exception e) {
                LOG.error("operator command " + context.request().method() + " " + context.request().path() + " failed", e);
                context.response().setStatusCode(500).putHeader("Content-Type", "text/plain").end(String.valueOf(e.getMessage()));
            }
        };
    }
}
