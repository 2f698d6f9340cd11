package org.mlaexchange.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The platform's own settings file read as a deployed service reads it, in each profile. */
class RequiredSettingsTest {

    /** As a service's application.properties adds it. */
    private static final Map<String, String> SERVICE = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://${stack.db-host}:5432/request");

    private static SmallRyeConfig config(String profile, Map<String, String> deployment) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(platformFile(), "platform", 100))
                .withSources(new PropertiesConfigSource(SERVICE, "service", 250))
                .withSources(new PropertiesConfigSource(deployment, "deployment", 300))
                .withInterceptors(new RequiredSettings(true)).build();
    }

    private static Map<String, String> platformFile() {
        try (var in = RequiredSettingsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            Map<String, String> map = new java.util.HashMap<>();
            properties.forEach((k, v) -> map.put((String) k, (String) v));
            return map;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void productionWithoutSettingsNamesEveryMissingOne() {
        SmallRyeConfig prod = config("prod", Map.of());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> prod.getValue("kafka.bootstrap.servers", String.class));
        for (String setting : RequiredSettings.REQUIRED.keySet()) {
            assertTrue(e.getMessage().contains(setting), setting + " named in: " + e.getMessage());
        }
        assertTrue(e.getMessage().contains("KAFKA_BOOTSTRAP_SERVERS"), e.getMessage());
        // the service's JDBC URL is there, but names a host only development gives
        assertTrue(e.getMessage().contains("quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL (or STACK_DB_HOST))"), e.getMessage());
        // an optional lookup of a required setting stops start-up just the same
        assertThrows(NoSuchElementException.class, () -> prod.getOptionalValue("quarkus.datasource.username", String.class));
    }

    @Test
    void productionNamesOnlyWhatIsMissing() {
        SmallRyeConfig prod = config("prod", Map.of("kafka.bootstrap.servers", "kafka:9092", "stack.db-host", "db",
                "quarkus.datasource.username", "request", "quarkus.datasource.password", "s3cret"));
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> prod.getValue("stack.keycloak-url", String.class));
        assertEquals("MLA Exchange: this deployment misses required settings: stack.keycloak-url (STACK_KEYCLOAK_URL), "
                + "mla.audit.signing-key (MLA_AUDIT_SIGNING_KEY), mla.audit.public-key (MLA_AUDIT_PUBLIC_KEY), mla.seal.kek (MLA_SEAL_KEK), "
                + "mla.seal.kek-id (MLA_SEAL_KEK_ID). Development values apply "
                + "only in the dev and test profiles and the local stack (-Dquarkus.profile=local).", e.getMessage());
        assertEquals("jdbc:postgresql://db:5432/request", prod.getValue("quarkus.datasource.jdbc.url", String.class));
    }

    @Test
    void productionWithEverySettingStarts() {
        SmallRyeConfig prod = config("prod", Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://request-db-rw:5432/request",
                "kafka.bootstrap.servers", "kafka:9092", "quarkus.datasource.username", "request", "quarkus.datasource.password", "s3cret",
                "stack.keycloak-url", "http://keycloak-service:8080", "mla.audit.signing-key", "k", "mla.audit.public-key", "p",
                "mla.seal.kek", "a2V5", "mla.seal.kek-id", "request-2026-12"));
        assertEquals("http://keycloak-service:8080/realms/nl", prod.getValue("quarkus.oidc.nl.auth-server-url", String.class));
        assertEquals("kafka:9092", prod.getValue("kafka.bootstrap.servers", String.class));
    }

    @Test
    void developmentTestAndTheLocalStackHaveTheirDefaults() {
        for (String profile : new String[] {"dev", "test", "local"}) {
            SmallRyeConfig config = config(profile, Map.of());
            assertEquals("127.0.0.1:9092", config.getValue("kafka.bootstrap.servers", String.class), profile);
            assertEquals("jdbc:postgresql://127.0.0.1:5432/request", config.getValue("quarkus.datasource.jdbc.url", String.class), profile);
            assertEquals("mla", config.getValue("quarkus.datasource.password", String.class), profile);
            assertEquals("http://127.0.0.1:8180/realms/ar", config.getValue("quarkus.oidc.ar.auth-server-url", String.class), profile);
            // no key pair given: the checkpoint key is made at start-up, which only development accepts
            assertTrue(config.getOptionalValue("mla.audit.signing-key", String.class).isEmpty(), profile);
            assertEquals("local-dev", config.getValue("mla.seal.kek-id", String.class), profile);
        }
    }
}
