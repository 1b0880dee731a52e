package io.egostream.stream.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.egostream.config.ConfigLoader;
import io.egostream.config.ConfigSchema;
import io.egostream.config.EgoStreamConfig;
import io.egostream.config.EnvNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests of {@code ops/kubernetes} name only what exists: every {@code EGOSTREAM_*} variable is a
 * configuration key (or a reserved variable), the ConfigMap's file and the variables load without error through the
 * real configuration loader (so every key and value is valid), and every port, probe and selector points at what
 * the analyzer and the other manifests define. The manifests cannot be applied here (no Kubernetes cluster).
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, String> DOWNWARD_API = Map.of("$(POD_NAME)", "egostream-analyzer-0",
            "$(POD_NAMESPACE)", "egostream");

    private static final List<JsonNode> DOCS = new ArrayList<>();
    @TempDir
    private static Path tmp;

    @BeforeAll
    static void readManifests() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.ops("kubernetes"))) {
            for (final Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.forEachRemaining(DOCS::add);
                }
            }
        }
    }

    private static JsonNode only(final String kind) {
        final List<JsonNode> found = DOCS.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertEquals(1, found.size(), "one " + kind + " in ops/kubernetes");
        return found.get(0);
    }

    private static List<JsonNode> all(final String kind) {
        return DOCS.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    private static JsonNode container() {
        return only("StatefulSet").path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static Map<String, String> egostreamEnv() {
        final Map<String, String> env = new HashMap<>();
        for (final JsonNode var : container().path("env")) {
            final String name = var.path("name").asText();
            if (name.startsWith(EnvNames.PREFIX)) {
                String value = var.path("value").asText();
                for (final Map.Entry<String, String> ref : DOWNWARD_API.entrySet()) {
                    value = value.replace(ref.getKey(), ref.getValue());
                }
                env.put(name, value);
            }
        }
        return env;
    }

    private EgoStreamConfig loadedConfig() throws IOException {
        final JsonNode data = only("ConfigMap").path("data");
        final Path file = tmp.resolve("egostream.yaml");
        Files.writeString(file, data.path("egostream.yaml").asText());
        return ConfigLoader.load(file, egostreamEnv());
    }

    @Test
    void everyEgoStreamVariableIsAConfigurationKey() {
        for (final String name : egostreamEnv().keySet()) {
            assertTrue(ConfigSchema.byEnvName(name).isPresent() || EnvNames.RESERVED.contains(name),
                    name + " names no configuration key");
        }
        assertTrue(egostreamEnv().containsKey("EGOSTREAM_HTTP_ADVERTISED_HOST"));
    }

    @Test
    void theConfigMapAndTheVariablesLoadAsAValidConfiguration() throws IOException {
        final EgoStreamConfig config = loadedConfig();
        assertEquals("0.0.0.0", config.http().host(), "a pod serves on every interface");
        assertTrue(config.kafka().replicationFactor() >= 3, "replicated topics");
        assertTrue(config.kafka().standbyReplicas() >= 1, "warm standbys for a disrupted pod");
        assertTrue(config.topics().partitions() >= only("StatefulSet").path("spec").path("replicas").asInt(),
                "at least one partition per pod");
        final String stateDir = config.kafka().clientProps().get("state.dir");
        assertNotNull(stateDir, "Kafka Streams state on the pod's volume");
        final String stateMount = mountPath("state");
        assertTrue(stateDir.startsWith(stateMount + "/"), stateDir + " lies on the state volume " + stateMount);
    }

    @Test
    void portsProbesAndServicesPointAtTheAnalyzersHttpServer() throws IOException {
        final EgoStreamConfig config = loadedConfig();
        final JsonNode port = container().path("ports").get(0);
        assertEquals("http", port.path("name").asText());
        assertEquals(config.http().port(), port.path("containerPort").asInt(), "http.port is the container port");
        assertEquals("/ready", container().path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("http", container().path("readinessProbe").path("httpGet").path("port").asText());
        assertEquals("/health", container().path("livenessProbe").path("httpGet").path("path").asText());
        assertEquals("http", container().path("livenessProbe").path("httpGet").path("port").asText());
        final JsonNode annotations = only("StatefulSet").path("spec").path("template").path("metadata")
                .path("annotations");
        assertEquals(Integer.toString(config.http().port()), annotations.path("prometheus.io/port").asText());
        assertEquals("/metrics", annotations.path("prometheus.io/path").asText());
        for (final JsonNode service : all("Service")) {
            assertEquals("http", service.path("spec").path("ports").get(0).path("targetPort").asText());
            assertEquals(podLabels().path("app.kubernetes.io/name").asText(),
                    service.path("spec").path("selector").path("app.kubernetes.io/name").asText());
        }
    }

    @Test
    void eachPodAdvertisesItsStableNameUnderTheHeadlessService() throws IOException {
        final String serviceName = only("StatefulSet").path("spec").path("serviceName").asText();
        final JsonNode headless = all("Service").stream()
                .filter(s -> s.path("metadata").path("name").asText().equals(serviceName)).findFirst().orElseThrow();
        assertEquals("None", headless.path("spec").path("clusterIP").asText());
        assertEquals("egostream-analyzer-0." + serviceName + ".egostream.svc", loadedConfig().http().advertisedHost());
    }

    @Test
    void theConfigFileComesFromTheConfigMapAndTheBudgetCoversThePods() {
        final List<String> args = new ArrayList<>();
        container().path("args").forEach(a -> args.add(a.asText()));
        assertEquals("run", args.get(0));
        final String configPath = args.get(args.indexOf("--config") + 1);
        final String configMount = mountPath("config");
        assertEquals(configMount + "/egostream.yaml", configPath);
        final JsonNode volume = volume("config");
        assertEquals(only("ConfigMap").path("metadata").path("name").asText(),
                volume.path("configMap").path("name").asText());
        final JsonNode pdb = only("PodDisruptionBudget");
        assertEquals(podLabels().path("app.kubernetes.io/name").asText(),
                pdb.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals(1, pdb.path("spec").path("maxUnavailable").asInt());
        final JsonNode resources = container().path("resources");
        assertTrue(resources.path("requests").has("cpu") && resources.path("requests").has("memory"), resources
                .toString());
        assertTrue(mebibytes(resources.path("limits").path("memory").asText())
                >= mebibytes(resources.path("requests").path("memory").asText()), resources.toString());
    }

    private static JsonNode podLabels() {
        return only("StatefulSet").path("spec").path("template").path("metadata").path("labels");
    }

    private static String mountPath(final String volumeName) {
        for (final JsonNode mount : container().path("volumeMounts")) {
            if (mount.path("name").asText().equals(volumeName)) {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("no volume mount " + volumeName);
    }

    private static JsonNode volume(final String name) {
        for (final JsonNode v : only("StatefulSet").path("spec").path("template").path("spec").path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static long mebibytes(final String quantity) {
        if (quantity.endsWith("Gi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2)) * 1024;
        }
        if (quantity.endsWith("Mi")) {
            return Long.parseLong(quantity.substring(0, quantity.length() - 2));
        }
        throw new AssertionError("memory quantity " + quantity + " is not in Mi or Gi");
    }
}
