package cn.cac.gzh.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/k8s/: every YAML document of every file is read into fabric8's Kubernetes model, refusing unknown
 * fields (a misspelt field would otherwise be dropped silently by the API server or land in the model's
 * "additionalProperties"), and the essentials of the deployment are checked. No cluster, no Spring context.
 */
class KubernetesManifestsTest {

    /**
     * Jackson 3 on YAML (fabric8 8 is built on Jackson 3; the model classes carry their own (de)serialisers and
     * KubernetesResource picks the class from apiVersion and kind). Unknown fields fail wherever a class has no
     * any-setter (Jackson 3 would ignore them by default); for the others see {@link #collectUnknownFields}.
     */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    // ---------------------------------------------------------------------------------------------------
    // loading
    // ---------------------------------------------------------------------------------------------------

    @Test
    void everyManifestIsAKnownKubernetesObjectWithoutUnknownFields() {
        List<Path> files = manifestFiles();
        assertThat(files).extracting(file -> file.getFileName().toString())
                .contains("deployment.yaml", "service.yaml", "ingress.yaml", "hpa.yaml", "pdb.yaml", "configmap.yaml",
                        "secret.example.yaml");
        List<HasMetadata> all = files.stream().flatMap(file -> load(file).stream()).toList();
        assertThat(all).extracting(HasMetadata::getKind)
                .contains("Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                        "ConfigMap", "Secret");
        assertThat(all).allSatisfy(resource -> {
            assertThat(resource.getMetadata().getName()).as("name of a %s", resource.getKind()).isNotBlank();
            if (!resource.getKind().equals("Namespace")) {
                assertThat(resource.getMetadata().getNamespace()).as("namespace of %s", resource.getMetadata().getName())
                        .isEqualTo("filing");
            }
        });
    }

    @Test
    void aMisspeltFieldIsRefused() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replicas: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: app
                          image: example/app:1
                          readinesProbe:
                            httpGet: {path: /actuator/health/readiness, port: 8080}
                """;
        assertThatThrownBy(() -> parse(misspelt, "inline"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("readinesProbe")
                .hasMessageContaining("spec.template.spec.containers[0]");

        String misspeltTopLevel = """
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: typo
                spec:
                  minAvailabel: 1
                """;
        assertThatThrownBy(() -> parse(misspeltTopLevel, "inline"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("minAvailabel");

        String wrongType = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replicas: two
                """;
        assertThatThrownBy(() -> parse(wrongType, "inline")).hasMessageContaining("replicas");

        String unknownKind = """
                apiVersion: example.org/v1
                kind: Deploymnet
                metadata:
                  name: typo
                """;
        assertThatThrownBy(() -> parse(unknownKind, "inline")).hasMessageContaining("Deploymnet");

        // and the same checker lets a correct document through
        assertThat(parse(misspelt.replace("readinesProbe", "readinessProbe"), "inline")).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------
    // the essentials
    // ---------------------------------------------------------------------------------------------------

    @Test
    void theDeploymentRunsTwoNonRootReplicasWithActuatorProbesAndGracefulShutdown() {
        Deployment deployment = only(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        Container app = pod.getContainers().get(0);

        assertThat(httpPath(app.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
        assertThat(httpPath(app.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(httpPath(app.getStartupProbe())).startsWith("/actuator/health/");
        assertThat(app.getPorts()).anySatisfy(port -> assertThat(port.getContainerPort()).isEqualTo(8080));

        // preStop sleep, then SIGTERM and Spring's graceful shutdown (30 s per phase) within the grace period
        assertThat(app.getLifecycle().getPreStop().getExec().getCommand()).first().isEqualTo("sleep");
        int preStop = Integer.parseInt(app.getLifecycle().getPreStop().getExec().getCommand().get(1));
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(preStop + 30L);
        assertThat(DeployFiles.read(DeployFiles.root().resolve("app-server/src/main/resources/application.yml")))
                .containsPattern("(?m)^  shutdown: graceful$");

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
        String tmpVolume = app.getVolumeMounts().stream().filter(mount -> mount.getMountPath().equals("/tmp"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume at /tmp")).getName();
        Volume tmp = pod.getVolumes().stream().filter(volume -> volume.getName().equals(tmpVolume)).findFirst().orElseThrow();
        assertThat(tmp.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();

        Map<String, Quantity> requests = app.getResources().getRequests();
        Map<String, Quantity> limits = app.getResources().getLimits();
        assertThat(requests).containsKeys("cpu", "memory");
        assertThat(limits).containsKey("memory");
        assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));

        // the Service, the PDB and the HPA all find these pods
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(only(Service.class).getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(only(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theDisruptionBudgetAndTheAutoscalerKeepAtLeastOneReplica() {
        Deployment deployment = only(Deployment.class);
        PodDisruptionBudget pdb = only(PodDisruptionBudget.class);
        assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
        assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);

        HorizontalPodAutoscaler hpa = only(HorizontalPodAutoscaler.class);
        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).anySatisfy(metric -> {
            assertThat(metric.getType()).isEqualTo("Resource");
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isBetween(1, 100);
        });
    }

    @Test
    void theIngressRoutesThePortalTheMiniProgramAndTheConsoleWithTheServiceBodyLimit() {
        Service service = only(Service.class);
        List<Ingress> ingresses = all(Ingress.class);
        assertThat(ingresses).isNotEmpty().allSatisfy(ingress -> {
            assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
            assertThat(ingress.getSpec().getTls()).as("TLS placeholder").isNotEmpty();
            assertThat(ingress.getMetadata().getAnnotations()).containsKey("nginx.ingress.kubernetes.io/proxy-body-size");
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                    assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName())));
        });
        Ingress main = ingresses.stream().filter(ingress -> ingress.getMetadata().getName().equals("filing")).findFirst()
                .orElseThrow();
        // MAX_JSON_BODY_SIZE 1MB
        assertThat(main.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
        assertThat(main.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-next-upstream"))
                .contains("error", "timeout", "http_502", "http_503");
        List<String> paths = main.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(HTTPIngressPath::getPath).toList();
        assertThat(paths).contains("/wechat/portal/", "/api/mini/", "/api/console/", "/console/", "/actuator/health");
    }

    @Test
    void everyVariableTheDeploymentSetsIsOneOfTheReadmeConfigurationTable() {
        Set<String> documented = DeployFiles.readmeVariables().keySet();
        ConfigMap config = only(ConfigMap.class);
        Secret secret = only(Secret.class);
        assertThat(secret.getData()).as("the template uses stringData").isNullOrEmpty();
        assertThat(secret.getStringData().keySet()).as("Secret keys").isSubsetOf(documented);
        assertThat(config.getData().keySet()).as("ConfigMap keys").isSubsetOf(documented);
        assertThat(Collections.disjoint(config.getData().keySet(), secret.getStringData().keySet()))
                .as("a variable is either in the ConfigMap or in the Secret").isTrue();
        // a template only: no real secrets
        secret.getStringData().forEach((key, value) -> {
            if (!key.endsWith("_USERNAME")) {
                assertThat(value).as(key).isEqualTo("CHANGE_ME");
            }
        });

        Container app = only(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> set = new TreeSet<>();
        for (EnvVar env : app.getEnv()) {
            set.add(env.getName());
        }
        for (EnvFromSource source : app.getEnvFrom()) {
            assertThat(source.getPrefix()).isNull();
            if (source.getConfigMapRef() != null) {
                assertThat(source.getConfigMapRef().getName()).isEqualTo(config.getMetadata().getName());
                set.addAll(config.getData().keySet());
            }
            if (source.getSecretRef() != null) {
                assertThat(source.getSecretRef().getName()).isEqualTo(secret.getMetadata().getName());
                set.addAll(secret.getStringData().keySet());
            }
        }
        assertThat(set).as("variables set for the service").isSubsetOf(documented);
        // and nothing the service cannot start without is missing
        assertThat(set).containsAll(DeployFiles.requiredVariables());
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------

    private static String httpPath(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    private static <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = all(type);
        assertThat(found).as("one %s in deploy/k8s/", type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private static List<HasMetadata> manifests;

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        if (manifests == null) {
            manifests = manifestFiles().stream().flatMap(file -> load(file).stream()).toList();
        }
        return manifests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<Path> manifestFiles() {
        try (Stream<Path> files = Files.list(DeployFiles.deploy("k8s"))) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HasMetadata> load(Path file) {
        return parse(DeployFiles.read(file), DeployFiles.root().relativize(file).toString());
    }

    /** Every document of a YAML text as a typed Kubernetes object, or an AssertionError naming what is wrong. */
    static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> resources = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                String where = source + " document " + index++;
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                KubernetesResource resource;
                try {
                    resource = YAML.treeToValue(document, KubernetesResource.class);
                } catch (JacksonException | IllegalArgumentException e) {
                    throw new AssertionError(where + ": " + e.getMessage(), e);
                }
                if (!(resource instanceof HasMetadata typed) || resource instanceof GenericKubernetesResource) {
                    throw new AssertionError(where + ": kind " + document.path("apiVersion").asText() + "/"
                            + document.path("kind").asText() + " is not a Kubernetes model class");
                }
                List<String> unknown = new ArrayList<>();
                collectUnknownFields(resource, "", unknown, Collections.newSetFromMap(new IdentityHashMap<>()));
                if (!unknown.isEmpty()) {
                    throw new AssertionError(where + " (" + typed.getKind() + " " + typed.getMetadata().getName()
                            + "): unknown fields " + unknown);
                }
                resources.add(typed);
            }
        } catch (JacksonException e) {
            throw new AssertionError(source + ": " + e.getMessage(), e);
        }
        return resources;
    }

    /**
     * fabric8's model classes keep fields they do not know in {@code additionalProperties} (a Jackson any-setter,
     * so FAIL_ON_UNKNOWN_PROPERTIES never sees them); a manifest is strict when no object of the tree has any.
     */
    private static void collectUnknownFields(Object value, String path, List<String> unknown, Set<Object> seen) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Quantity || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown, seen));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add((path.isEmpty() ? "" : path.substring(1) + ": ") + extra.keySet());
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            collectUnknownFields(child, path + "." + name, unknown, seen);
        }
    }
}
