package org.mlaexchange.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlaexchange.deploy.OperatorModels.Cluster;
import org.mlaexchange.deploy.OperatorModels.Keycloak;
import org.mlaexchange.deploy.OperatorModels.KeycloakRealmImport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Label;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Patch;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Checks every YAML document under deploy/kubernetes without a cluster: each is read into a typed model that
 * rejects unknown fields, kinds and apiVersions; the kustomizations list existing files and every file is
 * listed; and what the manifests say about the services agrees with the services' own configuration (ports,
 * health paths, databases, topics, OIDC tenants, realms).
 */
class ManifestsTest {

    /** deploy/kubernetes (Surefire runs in the module's directory and sets basedir) */
    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    static final Path REPO = MODULE.resolve("../..").normalize();
    static final List<String> SERVICES = List.of("request-service", "evidence-service", "extradition-service");
    static final Map<String, String> HEALTH = Map.of(
            "startup", "/q/health/started", "readiness", "/q/health/ready", "liveness", "/q/health/live");
    static final Set<String> TOPICS = Set.of(
            "mla.request.events", "mla.evidence.events", "mla.extradition.events", "mla.audit.checkpoints");
    /** environment variables read by something other than Quarkus configuration */
    static final Map<String, String> NON_QUARKUS_ENV = Map.of("JAVA_MAX_MEM_RATIO", "run-java.sh of the ubi9 OpenJDK image");

    // ------------------------------------------------------------------------------------------------------
    // Reading: a strict YAML mapper and one typed model per (apiVersion, kind)
    // ------------------------------------------------------------------------------------------------------

    static final ObjectMapper YAML = strictMapper();

    record Kind(String apiVersion, String kind) {
        @Override
        public String toString() {
            return apiVersion + " " + kind;
        }
    }

    static final Map<Kind, Class<?>> MODELS = Map.ofEntries(
            fabric8(Namespace.class), fabric8(ConfigMap.class), fabric8(Service.class), fabric8(ServiceAccount.class),
            fabric8(Deployment.class), fabric8(PodDisruptionBudget.class), fabric8(HorizontalPodAutoscaler.class),
            fabric8(NetworkPolicy.class), fabric8(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry(new Kind("kustomize.config.k8s.io/v1beta1", "Kustomization"), Kustomization.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "Kafka"), Kafka.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(new Kind("kafka.strimzi.io/v1beta2", "KafkaTopic"), KafkaTopic.class),
            Map.entry(new Kind("k8s.keycloak.org/v2alpha1", "Keycloak"), Keycloak.class),
            Map.entry(new Kind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport"), KeycloakRealmImport.class),
            Map.entry(new Kind("postgresql.cnpg.io/v1", "Cluster"), Cluster.class));

    static Map.Entry<Kind, Class<?>> fabric8(Class<? extends HasMetadata> type) {
        String group = HasMetadata.getGroup(type);
        String version = HasMetadata.getVersion(type);
        String apiVersion = group == null || group.isEmpty() ? version : group + "/" + version;
        return Map.entry(new Kind(apiVersion, HasMetadata.getKind(type)), type);
    }

    static ObjectMapper strictMapper() {
        SimpleModule noCatchAll = new SimpleModule("no-additional-properties");
        noCatchAll.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                // fabric8 and Strimzi models keep unknown fields in a @JsonAnySetter map
                // ("additionalProperties"): without it, an unknown field is an error
                builder.setAnySetter(null);
                return builder;
            }
        });
        ObjectMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // the API server takes neither "2" for an integer nor 2 or true for a string
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noCatchAll)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** One YAML document of a file, read into its typed model. */
    record Doc(Path file, int index, JsonNode tree, Object model) {
        String where() {
            return MODULE.relativize(file) + (index > 0 ? " (document " + (index + 1) + ")" : "");
        }

        Kind kind() {
            return new Kind(tree.path("apiVersion").asText(), tree.path("kind").asText());
        }

        String name() {
            return tree.path("metadata").path("name").asText(null);
        }
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            return values.readAll().stream().filter(n -> n != null && !n.isNull() && !n.isMissingNode()).toList();
        }
    }

    /** Reads one document into the model registered for its apiVersion and kind; fails on anything unknown. */
    static Object typed(JsonNode tree, String where) {
        if (!tree.isObject()) {
            throw new AssertionError(where + ": not a YAML mapping");
        }
        Kind kind = new Kind(tree.path("apiVersion").asText(), tree.path("kind").asText());
        Class<?> model = MODELS.get(kind);
        if (model == null) {
            throw new AssertionError(where + ": no typed model for apiVersion \"" + kind.apiVersion() + "\" and kind \""
                    + kind.kind() + "\"; known: " + new TreeSet<>(MODELS.keySet().stream().map(Kind::toString).toList()));
        }
        try {
            return YAML.treeToValue(tree, model);
        } catch (JsonProcessingException e) {
            throw new AssertionError(where + ": " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (e instanceof JsonMappingException m ? " (at " + m.getPathReference() + ")" : ""), e);
        }
    }

    static Object typed(String yaml) {
        List<JsonNode> trees;
        try {
            trees = documents(yaml);
        } catch (IOException e) {
            throw new AssertionError("inline YAML: " + e.getMessage(), e);
        }
        assertEquals(1, trees.size(), "one document");
        return typed(trees.get(0), "inline YAML");
    }

    private static List<Doc> docs;

    /** Every document of every YAML file under deploy/kubernetes (sources and build output aside). */
    static synchronized List<Doc> docs() {
        if (docs == null) {
            List<Doc> all = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path file : yamlFiles()) {
                try {
                    List<JsonNode> trees = documents(Files.readString(file));
                    if (trees.isEmpty()) {
                        problems.add(MODULE.relativize(file) + ": no YAML document");
                    }
                    for (int i = 0; i < trees.size(); i++) {
                        Doc unread = new Doc(file, i, trees.get(i), null);
                        try {
                            all.add(new Doc(file, i, trees.get(i), typed(trees.get(i), unread.where())));
                        } catch (AssertionError e) {
                            problems.add(e.getMessage());
                        }
                    }
                } catch (IOException e) {
                    problems.add(MODULE.relativize(file) + ": " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                fail("YAML documents that do not fit their typed model:\n  " + String.join("\n  ", problems));
            }
            docs = all;
        }
        return docs;
    }

    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(MODULE)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.startsWith(MODULE.resolve("src")) && !f.startsWith(MODULE.resolve("target")))
                    // Prometheus rule files and their unit tests, not manifests: promtool checks them (stack test)
                    .filter(f -> !f.getFileName().toString().matches(".*\\.rules(\\.test)?\\.yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> List<T> all(Class<T> type) {
        return docs().stream().map(Doc::model).filter(type::isInstance).map(type::cast).toList();
    }

    static List<Doc> in(Path file) {
        return docs().stream().filter(d -> d.file().equals(file)).toList();
    }

    static <T> T only(Class<T> type, Path file) {
        List<T> found = in(file).stream().map(Doc::model).filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), () -> "one " + type.getSimpleName() + " in " + MODULE.relativize(file));
        return found.get(0);
    }

    /** Manifests that are not patches, outside the per-service template: resources as they are applied. */
    static <T> List<T> applied(Class<T> type) {
        Set<Path> patches = patchFiles();
        Path template = MODULE.resolve("base/service");
        return docs().stream().filter(d -> !patches.contains(d.file()) && !d.file().startsWith(template))
                .map(Doc::model).filter(type::isInstance).map(type::cast).toList();
    }

    // ------------------------------------------------------------------------------------------------------
    // Every document is typed
    // ------------------------------------------------------------------------------------------------------

    @Test
    void everyYamlDocumentReadsIntoItsTypedModel() {
        List<Doc> all = docs();
        assertTrue(all.size() > 30, "found only " + all.size() + " documents under " + MODULE);
        for (Doc doc : all) {
            assertTrue(MODELS.get(doc.kind()).isInstance(doc.model()), doc.where());
            if (!(doc.model() instanceof Kustomization)) {
                assertNotNull(doc.name(), doc.where() + ": metadata.name");
                assertFalse(doc.tree().path("metadata").has("namespace"),
                        doc.where() + ": the namespace comes from the kustomization, not from the manifest");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Kustomize
    // ------------------------------------------------------------------------------------------------------

    static Map<Path, Kustomization> kustomizations() {
        Map<Path, Kustomization> found = new LinkedHashMap<>();
        for (Doc doc : docs()) {
            if (doc.model() instanceof Kustomization k) {
                assertEquals("kustomization.yaml", doc.file().getFileName().toString(), doc.where());
                found.put(doc.file().getParent(), k);
            }
        }
        return found;
    }

    static Kustomization kustomization(Path dir) {
        Kustomization k = kustomizations().get(dir.normalize());
        assertNotNull(k, "no kustomization.yaml in " + MODULE.relativize(dir));
        return k;
    }

    static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }

    static Set<Path> patchFiles() {
        Set<Path> files = new LinkedHashSet<>();
        kustomizations().forEach((dir, k) -> {
            for (Patch p : k.getPatches() == null ? List.<Patch> of() : k.getPatches()) {
                if (p.getPath() != null) {
                    files.add(dir.resolve(p.getPath()).normalize());
                }
            }
        });
        return files;
    }

    @Test
    void kustomizationsListExistingFilesAndEveryFileIsListed() {
        Set<Path> listed = new LinkedHashSet<>();
        kustomizations().forEach((dir, k) -> {
            String where = MODULE.relativize(dir.resolve("kustomization.yaml")).toString();
            assertTrue(Stream.of(k.getBases(), k.getPatchesStrategicMerge(), k.getPatchesJson6902(), k.getVars(),
                    k.getImageTags()).allMatch(l -> l == null || l.isEmpty())
                    && (k.getCommonLabels() == null || k.getCommonLabels().isEmpty()),
                    where + ": uses a field kustomize 5 deprecates (commonLabels, bases, patchesStrategicMerge, "
                            + "patchesJson6902, vars, imageTags)");
            List<String> entries = new ArrayList<>(list(k.getResources()));
            entries.addAll(list(k.getComponents()));
            entries.addAll(list(k.getConfigurations()));
            for (String entry : entries) {
                assertFalse(entry.contains("://"), where + ": remote resource " + entry);
                Path target = dir.resolve(entry).normalize();
                assertTrue(Files.exists(target), where + ": lists " + entry + ", which does not exist");
                if (Files.isDirectory(target)) {
                    assertTrue(Files.isRegularFile(target.resolve("kustomization.yaml")),
                            where + ": lists the folder " + entry + ", which has no kustomization.yaml");
                }
                listed.add(target);
            }
            for (Patch patch : k.getPatches() == null ? List.<Patch> of() : k.getPatches()) {
                assertNotNull(patch.getPath(), where + ": inline patches are not checked; put the patch in a file");
                Path target = dir.resolve(patch.getPath()).normalize();
                assertTrue(Files.isRegularFile(target), where + ": patch " + patch.getPath() + " does not exist");
                assertEquals(1, in(target).size(), where + ": " + patch.getPath()
                        + " must hold exactly one patch (kustomize's \"patches\" takes one per file)");
                assertFalse(list(k.getResources()).contains(patch.getPath()), where + ": " + patch.getPath()
                        + " is both a resource and a patch");
                listed.add(target);
            }
        });
        for (Path file : yamlFiles()) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                assertTrue(listed.contains(file), MODULE.relativize(file) + " is listed by no kustomization.yaml");
            }
        }
    }

    /** The manifest files a kustomization builds from, each with whether some kustomization on the way sets a namespace. */
    static void collect(Path dir, boolean namespaced, Map<Path, Boolean> into) {
        Kustomization k = kustomization(dir);
        boolean ns = namespaced || k.getNamespace() != null;
        for (String entry : list(k.getResources())) {
            Path target = dir.resolve(entry).normalize();
            if (Files.isDirectory(target)) {
                collect(target, ns, into);
            } else {
                into.merge(target, ns, Boolean::logicalAnd);
            }
        }
    }

    @Test
    void eachOverlayAppliesEveryManifestIntoANamespace() throws IOException {
        Set<Path> manifests = yamlFiles().stream()
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .filter(f -> !patchFiles().contains(f)).collect(Collectors.toSet());
        List<Path> overlays;
        try (Stream<Path> dirs = Files.list(MODULE.resolve("overlays"))) {
            overlays = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertFalse(overlays.isEmpty(), "no overlays");
        for (Path overlay : overlays) {
            Map<Path, Boolean> applied = new HashMap<>();
            collect(overlay, false, applied);
            Function<Set<Path>, Set<String>> relative = files -> files.stream().map(f -> MODULE.relativize(f).toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(relative.apply(manifests), relative.apply(applied.keySet()),
                    MODULE.relativize(overlay) + " should apply every manifest");
            applied.forEach((file, namespaced) -> assertTrue(namespaced,
                    MODULE.relativize(file) + " reaches " + MODULE.relativize(overlay) + " without a namespace"));
        }
    }

    /** "Kind name" of what a kustomization emits (after its namePrefix), before its own patches. */
    static Set<String> inputs(Path dir) {
        Set<String> names = new LinkedHashSet<>();
        for (String entry : list(kustomization(dir).getResources())) {
            Path target = dir.resolve(entry).normalize();
            if (Files.isDirectory(target)) {
                names.addAll(outputs(target));
            } else {
                in(target).forEach(d -> names.add(d.kind().kind() + " " + d.name()));
            }
        }
        return names;
    }

    static Set<String> outputs(Path dir) {
        String prefix = Objects.requireNonNullElse(kustomization(dir).getNamePrefix(), "");
        return inputs(dir).stream().map(n -> n.startsWith("Namespace ") ? n : n.replaceFirst(" ", " " + prefix))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Test
    void everyPatchTargetsAResourceOfItsKustomization() {
        kustomizations().forEach((dir, k) -> {
            Set<String> available = inputs(dir);
            for (Patch patch : k.getPatches() == null ? List.<Patch> of() : k.getPatches()) {
                Doc doc = in(dir.resolve(patch.getPath()).normalize()).get(0);
                String target = doc.kind().kind() + " " + doc.name();
                assertTrue(available.contains(target), doc.where() + " patches " + target
                        + ", which " + MODULE.relativize(dir) + " does not have; it has " + available);
            }
        });
    }

    @Test
    void selectorLabelsNeverReachANetworkPolicy() {
        // kustomize adds "includeSelectors" labels to NetworkPolicy peer selectors too (spec/egress/to/podSelector),
        // which would silently narrow who may talk to whom
        kustomizations().forEach((dir, k) -> {
            boolean selectors = k.getLabels() != null && k.getLabels().stream()
                    .anyMatch(l -> Boolean.TRUE.equals(l.getIncludeSelectors()));
            if (selectors) {
                Map<Path, Boolean> files = new HashMap<>();
                collect(dir, false, files);
                files.keySet().forEach(f -> in(f).forEach(d -> assertFalse(d.model() instanceof NetworkPolicy,
                        d.where() + ": a NetworkPolicy under " + MODULE.relativize(dir)
                                + ", whose labels include selectors")));
            }
        });
    }

    // ------------------------------------------------------------------------------------------------------
    // The services: template + per-service patches, checked against each service's application.properties
    // ------------------------------------------------------------------------------------------------------

    static Properties properties(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static Properties application(String service) {
        return properties(REPO.resolve(service).resolve("src/main/resources/application.properties"));
    }

    static Properties platformDefaults() {
        return properties(REPO.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
    }

    static int quarkusHttpPort(String service) {
        String port = application(service).getProperty("quarkus.http.port");
        assertNotNull(port, service + ": quarkus.http.port");
        return Integer.parseInt(port.trim());
    }

    static String database(String service) {
        return service.replace("-service", "-db");
    }

    /** The per-service patch of the given kind. */
    static Doc patch(String service, Class<?> type) {
        Path dir = MODULE.resolve("base").resolve(service);
        List<Doc> found = kustomization(dir).getPatches().stream()
                .flatMap(p -> in(dir.resolve(p.getPath()).normalize()).stream())
                .filter(d -> type.isInstance(d.model())).toList();
        assertEquals(1, found.size(), service + ": one " + type.getSimpleName() + " patch");
        return found.get(0);
    }

    /**
     * The Deployment kustomize makes for a service: the template with the service's patch merged the way a
     * strategic merge patch does for the fields the patch may touch (image; ports and env appended by key).
     */
    static Deployment effectiveDeployment(String service) {
        Doc patchDoc = patch(service, Deployment.class);
        onlyFields(patchDoc.tree(), "", Set.of("apiVersion", "kind", "metadata", "metadata.name", "spec", "spec.template",
                "spec.template.spec", "spec.template.spec.containers", "spec.template.spec.containers.name",
                "spec.template.spec.containers.image", "spec.template.spec.containers.ports",
                "spec.template.spec.containers.env"), patchDoc.where());
        Path template = MODULE.resolve("base/service/deployment.yaml");
        Deployment deployment = (Deployment) typed(in(template).get(0).tree(), "template");
        for (Container change : ((Deployment) patchDoc.model()).getSpec().getTemplate().getSpec().getContainers()) {
            Container c = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                    .filter(x -> x.getName().equals(change.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(patchDoc.where() + ": no container " + change.getName()));
            if (change.getImage() != null) {
                c.setImage(change.getImage());
            }
            for (ContainerPort port : change.getPorts()) {
                c.getPorts().removeIf(p -> Objects.equals(p.getContainerPort(), port.getContainerPort()));
                c.getPorts().add(port);
            }
            for (EnvVar env : change.getEnv()) {
                c.getEnv().removeIf(e -> e.getName().equals(env.getName()));
                c.getEnv().add(env);
            }
        }
        return deployment;
    }

    static void onlyFields(JsonNode node, String path, Set<String> allowed, String where) {
        if (node.isArray()) {
            node.forEach(element -> onlyFields(element, path, allowed, where));
        } else if (node.isObject() && (path.isEmpty() || allowed.contains(path))
                && !path.endsWith(".ports") && !path.endsWith(".env")) {
            node.fieldNames().forEachRemaining(field -> {
                String child = path.isEmpty() ? field : path + "." + field;
                assertTrue(allowed.contains(child), where + ": the test's merge does not cover " + child);
                onlyFields(node.get(field), child, allowed, where);
            });
        }
    }

    static Map<String, String> effectiveConfig(String service) {
        Map<String, String> data = new LinkedHashMap<>(only(ConfigMap.class, MODULE.resolve("base/service/config.yaml")).getData());
        data.putAll(((ConfigMap) patch(service, ConfigMap.class).model()).getData());
        return data;
    }

    /** The checks every service's Deployment must pass; a failure names the service and the field. */
    static void checkDeployment(String service, Deployment d, int httpPort) {
        String where = service + " Deployment: ";
        assertEquals(2, d.getSpec().getReplicas(), where + "replicas");
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        assertEquals(1, pod.getContainers().size(), where + "one container");
        Container c = pod.getContainers().get(0);
        assertEquals("mla-exchange/" + service + ":0.1.0", c.getImage(), where + "image");
        assertEquals(List.of("http", "management"), c.getPorts().stream().map(ContainerPort::getName).toList(), where + "container ports");
        assertEquals(httpPort, c.getPorts().get(0).getContainerPort(),
                where + "container port = quarkus.http.port of " + service);
        assertEquals(9000, c.getPorts().get(1).getContainerPort(), where + "management port = Quarkus' default quarkus.management.port");
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startup", c.getStartupProbe());
        probes.put("readiness", c.getReadinessProbe());
        probes.put("liveness", c.getLivenessProbe());
        probes.forEach((kind, probe) -> {
            assertNotNull(probe, where + kind + "Probe");
            assertNotNull(probe.getHttpGet(), where + kind + "Probe.httpGet");
            assertEquals(HEALTH.get(kind), probe.getHttpGet().getPath(), where + kind + "Probe path");
            assertEquals(httpPort, resolve(probe.getHttpGet().getPort(), c), where + kind + "Probe port");
        });
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), where + "runAsNonRoot");
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where + "readOnlyRootFilesystem");
        assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where + "allowPrivilegeEscalation");
        VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError(where + "no /tmp mount"));
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(where + "no volume " + tmp.getName()));
        assertNotNull(volume.getEmptyDir(), where + "/tmp is an emptyDir");
        assertTrue(c.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory")), where + "requests");
        assertTrue(c.getResources().getLimits().containsKey("memory"), where + "memory limit");
        Map<String, SecretKeySelector> secrets = c.getEnv().stream().filter(e -> e.getValueFrom() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef()));
        String secret = database(service) + "-app";
        assertEquals(secret + "/username", ref(secrets.get("QUARKUS_DATASOURCE_USERNAME")), where + "database user");
        assertEquals(secret + "/password", ref(secrets.get("QUARKUS_DATASOURCE_PASSWORD")), where + "database password");
        assertEquals(service + "-checkpoint-key/signing-key", ref(secrets.get("MLA_AUDIT_SIGNING_KEY")), where + "checkpoint signing key");
        assertEquals(service + "-checkpoint-key/public-key", ref(secrets.get("MLA_AUDIT_PUBLIC_KEY")), where + "its public key");
        // never the development key-encryption key of the shared defaults
        assertEquals(service + "-kek/kek", ref(secrets.get("MLA_SEAL_KEK")), where + "key-encryption key");
        assertEquals(service + "-kek/kek-id", ref(secrets.get("MLA_SEAL_KEK_ID")), where + "its id");
        assertEquals(List.of("mla-platform", "service"),
                c.getEnvFrom().stream().map(EnvFromSource::getConfigMapRef).map(r -> r.getName()).toList(),
                where + "envFrom: the shared and the service's ConfigMap");
    }

    static String ref(SecretKeySelector s) {
        return s == null ? null : s.getName() + "/" + s.getKey();
    }

    /** A probe's port (number or name) as a container port number. */
    static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return c.getPorts().stream().map(ContainerPort::getContainerPort).filter(port.getIntVal()::equals)
                    .findFirst().orElse(null);
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    @Test
    void eachServiceRunsItsImageOnItsQuarkusPortWithTheHealthProbes() {
        for (String service : SERVICES) {
            Path dir = MODULE.resolve("base").resolve(service);
            Kustomization k = kustomization(dir);
            assertEquals(List.of("../service"), k.getResources(), service + ": built from the template");
            assertEquals(service, k.getNamePrefix() + "service", service + ": namePrefix");
            Label label = k.getLabels().get(0);
            assertEquals(Map.of("app.kubernetes.io/name", service), label.getPairs(), service + ": name label");
            assertEquals(Boolean.TRUE, label.getIncludeSelectors(), service + ": selects its own pods only");
            checkDeployment(service, effectiveDeployment(service), quarkusHttpPort(service));
        }
        assertTrue(kustomization(MODULE.resolve("base")).getResources().containsAll(SERVICES), "base lists the services");
    }

    @Test
    void theConsoleRunsItsImageOnItsQuarkusPortBehindItsIngress() {
        Path dir = MODULE.resolve("base/console");
        assertTrue(kustomization(MODULE.resolve("base")).getResources().contains("console"), "base lists the console");
        Deployment d = only(Deployment.class, dir.resolve("deployment.yaml"));
        PodSpec pod = d.getSpec().getTemplate().getSpec();
        Container c = pod.getContainers().get(0);
        int port = quarkusHttpPort("console");
        assertEquals("mla-exchange/console:0.1.0", c.getImage());
        assertEquals(port, c.getPorts().get(0).getContainerPort(), "container port = quarkus.http.port of the console");
        assertEquals(d.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate().getMetadata().getLabels());
        Map<String, Probe> probes = Map.of("startup", c.getStartupProbe(), "readiness", c.getReadinessProbe(),
                "liveness", c.getLivenessProbe());
        probes.forEach((kind, probe) -> {
            assertEquals(HEALTH.get(kind), probe.getHttpGet().getPath(), "console " + kind + "Probe path");
            assertEquals(port, resolve(probe.getHttpGet().getPort(), c), "console " + kind + "Probe port");
        });
        assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot());
        assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem());
        assertEquals("console-session/secret", c.getEnv().stream().filter(e -> e.getName().equals("MLA_CONSOLE_SECRET"))
                .map(e -> ref(e.getValueFrom().getSecretKeyRef())).findFirst().orElse(null), "the session secret");
        Service service = only(Service.class, dir.resolve("service.yaml"));
        assertEquals(d.getSpec().getTemplate().getMetadata().getLabels(), service.getSpec().getSelector(), "Service selector");
        service.getSpec().getPorts().forEach(p -> assertNotNull(resolve(p.getTargetPort(), c), "Service targetPort"));
        var ingress = only(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, dir.resolve("ingress.yaml"));
        var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
        assertEquals(service.getMetadata().getName(), backend.getName(), "Ingress to the console's Service");
        assertEquals(service.getSpec().getPorts().get(0).getName(), backend.getPort().getName(), "Ingress to its port");
        Map<String, String> config = only(ConfigMap.class, dir.resolve("config.yaml")).getData();
        assertEquals(Set.of("http://request-service", "http://evidence-service", "http://extradition-service"),
                Set.of(config.get("MLA_SERVICES_REQUESTS"), config.get("MLA_SERVICES_EVIDENCE"), config.get("MLA_SERVICES_EXTRADITION")),
                "the console calls the services' Services");
        assertEquals(only(ConfigMap.class, MODULE.resolve("base/platform-config.yaml")).getData().get("STACK_KEYCLOAK_URL"),
                config.get("MLA_KEYCLOAK"), "OIDC discovery at the in-cluster Keycloak");
    }

    @Test
    void theTemplatesServicePodDisruptionBudgetAndAutoscalerFitTheDeployment() {
        Path template = MODULE.resolve("base/service");
        Deployment d = only(Deployment.class, template.resolve("deployment.yaml"));
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertEquals(podLabels, d.getSpec().getSelector().getMatchLabels(), "Deployment selector = pod labels");

        Service service = only(Service.class, template.resolve("service.yaml"));
        assertEquals(podLabels, service.getSpec().getSelector(), "Service selector");
        Container app = effectiveDeployment(SERVICES.get(0)).getSpec().getTemplate().getSpec().getContainers().get(0);
        service.getSpec().getPorts().forEach(p -> assertNotNull(resolve(p.getTargetPort(), app),
                "Service targetPort " + p.getTargetPort() + " is a container port"));

        PodDisruptionBudget pdb = only(PodDisruptionBudget.class, template.resolve("availability.yaml"));
        assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal(), "PodDisruptionBudget minAvailable");
        assertEquals(podLabels, pdb.getSpec().getSelector().getMatchLabels(), "PodDisruptionBudget selector");

        HorizontalPodAutoscaler hpa = only(HorizontalPodAutoscaler.class, template.resolve("availability.yaml"));
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName(), "autoscaler target");
        assertEquals(2, hpa.getSpec().getMinReplicas());
        assertEquals(6, hpa.getSpec().getMaxReplicas());
        MetricSpec cpu = hpa.getSpec().getMetrics().get(0);
        assertEquals("cpu", cpu.getResource().getName());
        assertEquals("Utilization", cpu.getResource().getTarget().getType());
        assertEquals(70, cpu.getResource().getTarget().getAverageUtilization());

        ServiceAccount account = only(ServiceAccount.class, template.resolve("serviceaccount.yaml"));
        assertEquals(account.getMetadata().getName(), d.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals(only(ConfigMap.class, template.resolve("config.yaml")).getMetadata().getName(),
                app.getEnvFrom().get(1).getConfigMapRef().getName(), "the service's own ConfigMap");
    }

    // ------------------------------------------------------------------------------------------------------
    // Configuration: environment names map onto the services' configuration keys; addresses match the resources
    // ------------------------------------------------------------------------------------------------------

    static String envName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    static Set<String> tenants() {
        return platformDefaults().stringPropertyNames().stream()
                .filter(p -> p.matches("quarkus\\.oidc\\.[a-z]+\\.auth-server-url"))
                .map(p -> p.split("\\.")[2]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void environmentVariablesNameConfigurationKeysTheServicesRead() {
        Map<String, String> known = new HashMap<>();
        Consumer<Properties> add = props -> props.stringPropertyNames()
                .forEach(p -> known.put(envName(p.replaceFirst("^%[a-z,-]+\\.", "")), p));
        add.accept(platformDefaults());
        SERVICES.forEach(s -> add.accept(application(s)));
        add.accept(application("console"));
        // read by IssuerTenantResolver (and quarkus-oidc) when set
        tenants().forEach(t -> known.put(envName("quarkus.oidc." + t + ".token.issuer"), "quarkus.oidc." + t + ".token.issuer"));
        NON_QUARKUS_ENV.forEach(known::put);
        // optional keys of PlatformConfig.Audit and .Seal, without a default (so in no properties file)
        List.of("mla.audit.signing-key", "mla.audit.public-key", "mla.seal.previous-keks").forEach(k -> known.put(envName(k), k));

        List<String> names = new ArrayList<>();
        all(ConfigMap.class).forEach(cm -> names.addAll(cm.getData().keySet()));
        SERVICES.forEach(s -> effectiveDeployment(s).getSpec().getTemplate().getSpec().getContainers()
                .forEach(c -> c.getEnv().forEach(e -> names.add(e.getName()))));
        for (String name : names) {
            assertTrue(known.containsKey(name), name + " names no configuration key of the services");
        }
        assertTrue(names.containsAll(List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "STACK_KEYCLOAK_URL")));
    }

    /** What the prod profile refuses to start without (platform RequiredSettings), given to every service. */
    @Test
    void everyServiceGetsEverySettingProductionRequires() {
        List<String> required = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "KAFKA_BOOTSTRAP_SERVERS", "STACK_KEYCLOAK_URL", "MLA_AUDIT_SIGNING_KEY", "MLA_AUDIT_PUBLIC_KEY", "MLA_SEAL_KEK",
                "MLA_SEAL_KEK_ID");
        for (String service : SERVICES) {
            // the shared ConfigMap (envFrom), the service's own, and its env (secrets)
            Set<String> given = new TreeSet<>(only(ConfigMap.class, MODULE.resolve("base/platform-config.yaml")).getData().keySet());
            given.addAll(effectiveConfig(service).keySet());
            effectiveDeployment(service).getSpec().getTemplate().getSpec().getContainers()
                    .forEach(c -> c.getEnv().forEach(e -> given.add(e.getName())));
            assertTrue(given.containsAll(required), service + " misses " + required.stream().filter(r -> !given.contains(r)).toList());
            // and no profile that would bring back the development values
            assertTrue(!given.contains("QUARKUS_PROFILE"), service + " runs the prod profile");
        }
    }

    @Test
    void addressesInTheConfigurationPointAtTheResources() {
        Map<String, String> platform = only(ConfigMap.class, MODULE.resolve("base/platform-config.yaml")).getData();

        Kafka kafka = all(Kafka.class).get(0);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().get(0);
        assertEquals(kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort(),
                platform.get("KAFKA_BOOTSTRAP_SERVERS"), "Strimzi's bootstrap Service");

        Keycloak keycloak = all(Keycloak.class).get(0);
        assertEquals("http://" + keycloak.metadata().getName() + "-service:" + keycloak.spec().http().port(),
                platform.get("STACK_KEYCLOAK_URL"), "the Keycloak operator's Service");
        assertEquals(Boolean.TRUE, keycloak.spec().hostname().backchannelDynamic(),
                "services fetch keys in-cluster while tokens name the public hostname");
        checkIssuers(keycloak.spec().hostname().hostname(), platform, "base/platform-config.yaml");

        Keycloak demoHost = only(Keycloak.class, MODULE.resolve("overlays/local-demo/keycloak-hostname.yaml"));
        Map<String, String> demoIssuers = only(ConfigMap.class, MODULE.resolve("overlays/local-demo/issuers.yaml")).getData();
        assertEquals("http://127.0.0.1:8180", demoHost.spec().hostname().hostname(), "the local stack's issuer host");
        checkIssuers(demoHost.spec().hostname().hostname(), demoIssuers, "overlays/local-demo/issuers.yaml");

        Map<String, Cluster> clusters = all(Cluster.class).stream()
                .collect(Collectors.toMap(c -> c.metadata().getName(), c -> c));
        for (String service : SERVICES) {
            Cluster db = clusters.get(database(service));
            assertNotNull(db, service + ": CloudNativePG cluster " + database(service));
            assertEquals("jdbc:postgresql://" + database(service) + "-rw:5432/" + db.spec().bootstrap().initdb().database(),
                    effectiveConfig(service).get("QUARKUS_DATASOURCE_JDBC_URL"), service + ": JDBC URL");
        }
        Cluster keycloakDb = clusters.get(keycloak.spec().db().host().replaceFirst("-rw$", ""));
        assertNotNull(keycloakDb, "Keycloak's database cluster");
        assertEquals(keycloakDb.spec().bootstrap().initdb().database(), keycloak.spec().db().database());
        assertEquals(keycloakDb.metadata().getName() + "-app/username", ref(keycloak.spec().db().usernameSecret()));
        assertEquals(keycloakDb.metadata().getName() + "-app/password", ref(keycloak.spec().db().passwordSecret()));
        clusters.values().forEach(c -> {
            assertEquals(3, c.spec().instances(), c.metadata().getName() + ": instances");
            assertNotNull(c.spec().bootstrap().initdb().owner(), c.metadata().getName() + ": initdb owner");
        });
    }

    static void checkIssuers(String host, Map<String, String> config, String where) {
        for (String tenant : tenants()) {
            assertEquals(host + "/realms/" + tenant, config.get(envName("quarkus.oidc." + tenant + ".token.issuer")),
                    where + ": issuer of tenant " + tenant);
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Kafka, Keycloak realms, NetworkPolicies
    // ------------------------------------------------------------------------------------------------------

    @Test
    void kafkaRunsInKraftWithTheTopicsTheServicesUse() {
        List<Kafka> kafkas = all(Kafka.class);
        assertEquals(1, kafkas.size());
        Kafka kafka = kafkas.get(0);
        String name = kafka.getMetadata().getName();
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"));

        KafkaNodePool pool = all(KafkaNodePool.class).get(0);
        assertEquals(name, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(3, pool.getSpec().getReplicas());
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), Set.copyOf(pool.getSpec().getRoles()));

        Set<String> used = new TreeSet<>();
        SERVICES.forEach(s -> application(s).forEach((key, value) -> {
            if (!key.toString().startsWith("%") && (key.equals("mla.events.topic") || key.toString().endsWith(".topic"))) {
                used.add(value.toString());
            }
        }));
        assertTrue(TOPICS.containsAll(used), "topics the services use: " + used);

        Map<String, KafkaTopic> topics = all(KafkaTopic.class).stream()
                .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
        assertEquals(TOPICS, topics.keySet());
        topics.forEach((topic, t) -> {
            assertEquals(name, t.getMetadata().getLabels().get("strimzi.io/cluster"), topic);
            assertEquals(3, t.getSpec().getPartitions(), topic + " partitions");
            assertEquals(3, t.getSpec().getReplicas(), topic + " replicas");
            assertEquals(-1, ((Number) t.getSpec().getConfig().get("retention.ms")).intValue(), topic + " retention.ms");
            assertEquals(2, ((Number) t.getSpec().getConfig().get("min.insync.replicas")).intValue(), topic + " min.insync");
        });
    }

    @Test
    void realmImportsAreTheLocalStacksRealms() throws IOException {
        String keycloak = all(Keycloak.class).get(0).metadata().getName();
        ObjectMapper json = new ObjectMapper();
        Set<String> realms = new TreeSet<>();
        for (Doc doc : docs()) {
            if (doc.model() instanceof KeycloakRealmImport imp) {
                assertEquals(keycloak, imp.spec().keycloakCRName(), doc.where());
                String realm = imp.spec().realm().getRealm();
                realms.add(realm);
                ObjectNode expected = (ObjectNode) json.readTree(REPO.resolve("deploy/local/keycloak/realm-" + realm + ".json").toFile());
                ObjectNode actual = ((ObjectNode) doc.tree().path("spec").path("realm")).deepCopy();
                assertEquals("external", actual.remove("sslRequired").asText(), doc.where() + ": sslRequired");
                expected.remove("sslRequired");
                assertEquals(expected, actual, doc.where() + " differs from deploy/local/keycloak/realm-" + realm + ".json");
            }
        }
        assertEquals(tenants(), realms, "one realm per OIDC tenant");
    }

    @Test
    void networkPoliciesSelectPodsThatExist() {
        Set<String> kafka = names(all(Kafka.class), k -> k.getMetadata().getName());
        Set<String> clusters = names(all(Cluster.class), c -> c.metadata().getName());
        Set<String> keycloaks = names(all(Keycloak.class), k -> k.metadata().getName());
        Map<String, Set<Integer>> dbEgress = new HashMap<>();
        for (NetworkPolicy policy : applied(NetworkPolicy.class)) {
            String where = "NetworkPolicy " + policy.getMetadata().getName() + ": ";
            Map<String, String> selected = policy.getSpec().getPodSelector().getMatchLabels();
            assertTrue(selected.containsKey("app.kubernetes.io/component")
                    || SERVICES.contains(selected.get("app.kubernetes.io/name")), where + "selects a service's pods");
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress() == null ? List.<NetworkPolicyEgressRule> of()
                    : policy.getSpec().getEgress()) {
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    Map<String, String> labels = peer.getPodSelector() == null ? Map.of() : peer.getPodSelector().getMatchLabels();
                    check(labels, "strimzi.io/cluster", kafka, where);
                    check(labels, "cnpg.io/cluster", clusters, where);
                    check(labels, "app.kubernetes.io/instance", keycloaks, where);
                    if (labels.containsKey("cnpg.io/cluster")) {
                        dbEgress.put(selected.get("app.kubernetes.io/name") + "->" + labels.get("cnpg.io/cluster"),
                                rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal)
                                        .collect(Collectors.toSet()));
                    }
                }
            }
        }
        for (String service : SERVICES) {
            assertEquals(Set.of(5432), dbEgress.get(service + "->" + database(service)), service + " may reach its database");
        }
    }

    static <T> Set<String> names(List<T> items, Function<T, String> name) {
        return items.stream().map(name).collect(Collectors.toSet());
    }

    static void check(Map<String, String> labels, String key, Set<String> existing, String where) {
        if (labels.containsKey(key)) {
            assertTrue(existing.contains(labels.get(key)), where + key + "=" + labels.get(key) + " matches nothing here");
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // The checks bite
    // ------------------------------------------------------------------------------------------------------

    static Stream<Arguments> brokenManifests() {
        return Stream.of(
                Arguments.of("misspelt field (replica)", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: x}
                        spec:
                          replica: 2
                        """, "Unrecognized field \"replica\""),
                Arguments.of("misspelt nested field (readinessProbe.httpGet.paht)", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: x}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: app
                                  readinessProbe: {httpGet: {paht: /q/health/ready, port: http}}
                        """, "Unrecognized field \"paht\""),
                Arguments.of("unknown kind", """
                        apiVersion: apps/v1
                        kind: Deploymnet
                        metadata: {name: x}
                        """, "no typed model"),
                Arguments.of("wrong apiVersion", """
                        apiVersion: extensions/v1beta1
                        kind: Deployment
                        metadata: {name: x}
                        """, "no typed model"),
                Arguments.of("number where the API wants a string", """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: x}
                        data:
                          QUARKUS_DATASOURCE_JDBC_MAX_SIZE: 20
                        """, "Cannot coerce"),
                Arguments.of("string where the API wants a number", """
                        apiVersion: autoscaling/v2
                        kind: HorizontalPodAutoscaler
                        metadata: {name: x}
                        spec:
                          minReplicas: "2"
                        """, "Cannot coerce"),
                Arguments.of("duplicate key", """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: x}
                        spec: {type: ClusterIP}
                        spec: {type: NodePort}
                        """, "Duplicate field"),
                Arguments.of("misspelt Kustomization field", """
                        apiVersion: kustomize.config.k8s.io/v1beta1
                        kind: Kustomization
                        resource: [a.yaml]
                        """, "Unrecognized field \"resource\""),
                Arguments.of("misspelt top-level field of a Strimzi resource", """
                        apiVersion: kafka.strimzi.io/v1beta2
                        kind: KafkaTopic
                        metdata: {name: t}
                        """, "Unrecognized field \"metdata\""),
                Arguments.of("misspelt Strimzi field", """
                        apiVersion: kafka.strimzi.io/v1beta2
                        kind: KafkaTopic
                        metadata: {name: t}
                        spec: {partiton: 3}
                        """, "Unrecognized field \"partiton\""),
                Arguments.of("misspelt CloudNativePG field", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: db}
                        spec: {instances: 3, bootstrap: {initdb: {databse: request}}}
                        """, "Unrecognized field \"databse\""),
                Arguments.of("CloudNativePG cluster without instances", """
                        apiVersion: postgresql.cnpg.io/v1
                        kind: Cluster
                        metadata: {name: db}
                        spec: {storage: {size: 1Gi}}
                        """, "Missing required creator property 'instances'"),
                Arguments.of("misspelt Keycloak field", """
                        apiVersion: k8s.keycloak.org/v2alpha1
                        kind: Keycloak
                        metadata: {name: kc}
                        spec: {hostname: {hostName: https://auth.example}}
                        """, "Unrecognized field \"hostName\""),
                Arguments.of("misspelt realm field", """
                        apiVersion: k8s.keycloak.org/v2alpha1
                        kind: KeycloakRealmImport
                        metadata: {name: r}
                        spec: {keycloakCRName: keycloak, realm: {realm: nl, sslRequire: none}}
                        """, "Unrecognized field \"sslRequire\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenManifests")
    void aBrokenManifestIsRejected(String what, String yaml, String message) {
        AssertionError e = assertThrows(AssertionError.class, () -> typed(yaml), what);
        assertTrue(e.getMessage().contains(message), () -> what + ": " + e.getMessage());
    }

    @Test
    void aWrongProbePathOrPortIsRejected() {
        String service = SERVICES.get(0);
        int port = quarkusHttpPort(service);
        checkDeployment(service, effectiveDeployment(service), port);

        Deployment wrongPath = effectiveDeployment(service);
        wrongPath.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe().getHttpGet()
                .setPath("/q/health/readiness");
        AssertionError path = assertThrows(AssertionError.class, () -> checkDeployment(service, wrongPath, port));
        assertTrue(path.getMessage().contains("readinessProbe path"), path.getMessage());

        Deployment wrongPort = effectiveDeployment(service);
        wrongPort.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().getHttpGet()
                .setPort(new IntOrString("management"));
        AssertionError probePort = assertThrows(AssertionError.class, () -> checkDeployment(service, wrongPort, port));
        assertTrue(probePort.getMessage().contains("livenessProbe port"), probePort.getMessage());

        AssertionError containerPort = assertThrows(AssertionError.class,
                () -> checkDeployment(service, effectiveDeployment(service), port + 1));
        assertTrue(containerPort.getMessage().contains("quarkus.http.port"), containerPort.getMessage());
    }
}
