package org.mlaexchange.platform;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Production fails fast: the settings a deployment must give have development values only in the dev and
 * test profiles and the local stack's profile {@code local}. When the service first asks for one that has no
 * value, start-up stops with one message naming every missing setting (with its environment variable),
 * instead of a message about whichever was asked for first, or a service quietly pointing at 127.0.0.1.
 * Registered in META-INF/services; inactive while Quarkus builds the application (no runtime settings then).
 */
// between the expression interceptor (3300, outside) and the profile interceptor (3200, inside): it sees the value
// the active profile gives (%local.x for x), not yet expanded
@Priority(Priorities.LIBRARY + 250)
public class RequiredSettings implements ConfigSourceInterceptor {

    /** Setting and the environment variable a deployment sets it with. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("quarkus.datasource.jdbc.url", "QUARKUS_DATASOURCE_JDBC_URL (or STACK_DB_HOST)");
        REQUIRED.put("quarkus.datasource.username", "QUARKUS_DATASOURCE_USERNAME");
        REQUIRED.put("quarkus.datasource.password", "QUARKUS_DATASOURCE_PASSWORD");
        REQUIRED.put("kafka.bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS");
        REQUIRED.put("stack.keycloak-url", "STACK_KEYCLOAK_URL");
        REQUIRED.put("mla.audit.signing-key", "MLA_AUDIT_SIGNING_KEY");
        REQUIRED.put("mla.audit.public-key", "MLA_AUDIT_PUBLIC_KEY");
        // the development key-encryption key is known to all: sealed personal data would be open to anyone
        REQUIRED.put("mla.seal.kek", "MLA_SEAL_KEK");
        REQUIRED.put("mla.seal.kek-id", "MLA_SEAL_KEK_ID");
    }

    /** Settings that development gives otherwise (a checkpoint key made at start-up). */
    static final Map<String, String> DEVELOPMENT_ONLY = Map.of(
            "mla.audit.signing-key", "stack.checkpoint-key",
            "mla.audit.public-key", "stack.checkpoint-key");

    /** A reference to another setting without a default, {@code ${name}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)}");

    private final boolean active;

    public RequiredSettings() {
        this(!building());
    }

    RequiredSettings(boolean active) {
        this.active = active;
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!active || !REQUIRED.containsKey(name) || present(context, name, value)) {
            return value;
        }
        String missing = REQUIRED.keySet().stream().filter(setting -> !present(context, setting, context.proceed(setting)))
                .map(setting -> setting + " (" + REQUIRED.get(setting) + ")").collect(Collectors.joining(", "));
        throw new NoSuchElementException("MLA Exchange: this deployment misses required settings: " + missing
                + ". Development values apply only in the dev and test profiles and the local stack (-Dquarkus.profile=local).");
    }

    private static boolean present(ConfigSourceInterceptorContext context, String name, ConfigValue value) {
        if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
            // seen before expansion: jdbc:postgresql://${stack.db-host}:${stack.db-port}/request needs its host too
            Matcher reference = REFERENCE.matcher(value.getValue());
            while (reference.find()) {
                if (!present(context, reference.group(1), context.proceed(reference.group(1)))) {
                    return false;
                }
            }
            return true;
        }
        String development = DEVELOPMENT_ONLY.get(name);
        if (development == null) {
            return false;
        }
        ConfigValue allowed = context.proceed(development);
        return allowed != null && allowed.getValue() != null;
    }

    /** Whether this is Quarkus building the application (its deployment classes on the class path), not running it. */
    private static boolean building() {
        try {
            Class.forName("io.quarkus.deployment.QuarkusAugmentor", false, RequiredSettings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
