package org.mlaexchange.deploy;

import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.RealmRepresentation;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;

/**
 * Typed models of the Keycloak operator's and CloudNativePG's custom resources. Neither operator publishes
 * a Java model (nor its CRDs) on Maven Central, so these records copy the field names of the operators'
 * sources (Keycloak: {@code org.keycloak.operator.crds.v2alpha1}; CloudNativePG: {@code api/v1/cluster_types.go})
 * for the part of the schema these manifests use, reusing the fabric8 types where the operators do.
 * Read with the test's strict mapper, a field that is not here fails: a misspelling, or a real operator
 * field nobody has added yet (add it, from the operator's source). The realm itself is Keycloak's own
 * {@link RealmRepresentation} (keycloak-core), the type the operator's CRD is generated from.
 */
final class OperatorModels {

    private OperatorModels() {
    }

    // --- Keycloak operator: k8s.keycloak.org/v2alpha1 ---

    record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(Integer instances, String image, Boolean startOptimized,
            List<LocalObjectReference> imagePullSecrets, List<ValueOrSecret> additionalOptions, List<ValueOrSecret> env,
            HttpSpec http, IngressSpec ingress, DatabaseSpec db, HostnameSpec hostname, ProxySpec proxy,
            ResourceRequirements resources) {
    }

    record ValueOrSecret(@JsonProperty(required = true) String name, String value, SecretKeySelector secret) {
    }

    record HttpSpec(String tlsSecret, Boolean httpEnabled, Integer httpPort, Integer httpsPort) {
        int port() {
            return httpPort == null ? 8080 : httpPort;
        }
    }

    record IngressSpec(Boolean enabled, String className, Map<String, String> annotations, String tlsSecret) {
    }

    record DatabaseSpec(String vendor, SecretKeySelector usernameSecret, SecretKeySelector passwordSecret, String database,
            String host, Integer port, String schema, String url, Integer poolInitialSize, Integer poolMinSize,
            Integer poolMaxSize) {
    }

    record HostnameSpec(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    record ProxySpec(String headers) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {
    }

    record RealmImportSpec(@JsonProperty(required = true) String keycloakCRName,
            @JsonProperty(required = true) RealmRepresentation realm, Boolean replacePlaceholders) {
    }

    // --- CloudNativePG: postgresql.cnpg.io/v1 ---

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(String description, @JsonProperty(required = true) Integer instances, String imageName,
            String primaryUpdateStrategy, String primaryUpdateMethod, Storage storage, Storage walStorage,
            Bootstrap bootstrap, Postgres postgresql, ResourceRequirements resources, Affinity affinity,
            Monitoring monitoring, Boolean enableSuperuserAccess, LocalObjectReference superuserSecret) {
    }

    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, LocalObjectReference secret, String encoding, String localeCollate,
            String localeCType, Boolean dataChecksums) {
    }

    record Postgres(Map<String, String> parameters, @JsonProperty("pg_hba") List<String> pgHba) {
    }

    record Affinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }

    record Monitoring(Boolean enablePodMonitor) {
    }
}
