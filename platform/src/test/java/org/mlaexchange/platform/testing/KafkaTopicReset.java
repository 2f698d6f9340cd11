package org.mlaexchange.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Gives a test run fresh topics on the real broker, matching the fresh test database
 * ({@code flyway.clean-at-start}): the topics named in the {@code topics} argument are deleted and
 * created again (3 partitions, kept forever) before the application starts.
 */
public class KafkaTopicReset implements QuarkusTestResourceLifecycleManager {

    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        topics = List.of(initArgs.getOrDefault("topics", "").split(","));
    }

    @Override
    public Map<String, String> start() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TopicReader.BOOTSTRAP))) {
            try {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    admin.createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)
                            .configs(Map.of("retention.ms", "-1"))).toList()).all().get(30, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException e) {
                    // deletion completes asynchronously: retry while the old topic is still going away
                    if (System.currentTimeMillis() > deadline) {
                        throw e;
                    }
                    Thread.sleep(300);
                }
            }
            // metadata reaches every listener a moment after creation
            Set<String> present = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            while (!present.containsAll(topics)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("topics not created: " + topics + ", present: " + present);
                }
                Thread.sleep(200);
                present = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka at " + TopicReader.BOOTSTRAP + " is not usable (start it with deploy/local/stack infra start): " + e, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
