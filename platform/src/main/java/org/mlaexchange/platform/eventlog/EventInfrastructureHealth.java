package org.mlaexchange.platform.eventlog;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the Kafka cluster answers, and the relay is either active or a healthy standby. */
@Readiness
@ApplicationScoped
public class EventInfrastructureHealth implements HealthCheck {

    private final Map<String, Object> kafkaConfig;
    private final OutboxRelay relay;
    private Admin admin;

    public EventInfrastructureHealth(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OutboxRelay relay) {
        this.kafkaConfig = kafkaConfig;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka")
                .withData("relayActive", relay.active())
                .withData("publishedLogseq", relay.publishedLogseq());
        try {
            String clusterId = admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .clusterId().get(3, TimeUnit.SECONDS);
            return response.withData("clusterId", clusterId).up().build();
        } catch (Exception e) {
            return response.withData("error", e.toString()).down().build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> props = new HashMap<>();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
