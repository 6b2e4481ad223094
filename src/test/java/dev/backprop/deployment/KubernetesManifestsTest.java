package dev.backprop.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * Static checks of the deployment files (k8s/, docker-compose.yml, Dockerfile), read from the project directory.
 * Nothing is applied to a cluster or built: these pin down the properties the READMEs promise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final String KUSTOMIZATION = "kustomization.yaml";
    /** k8s/README.md: for real use this template is removed from the kustomization and the Secret made by hand. */
    private static final String SECRET_TEMPLATE = "secret.example.yaml";
    /** An image reference with an explicit tag that starts with a major version: postgres:16, postgres:16-alpine. */
    private static final Pattern PINNED_MAJOR = Pattern.compile("^[\\w./-]+:(\\d+)(\\.\\d+)*([-_][\\w.-]+)?$");

    /** File name → the YAML documents in it. */
    private Map<String, List<Map<String, Object>>> manifests;

    @BeforeAll
    void readManifests() throws IOException {
        assertThat(K8S).as("run from the project directory").isDirectory();
        manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.filter(KubernetesManifestsTest::isYaml).sorted().toList()) {
                manifests.put(file.getFileName().toString(), loadAll(file));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ all manifests

    @Test
    void everyManifestDocumentHasApiVersionKindAndName() {
        assertThat(manifests).isNotEmpty();
        manifests.forEach((file, documents) -> {
            assertThat(documents).as(file).isNotEmpty();
            for (Map<String, Object> document : documents) {
                assertThat(document.get("apiVersion")).as(file + " apiVersion").isInstanceOf(String.class);
                assertThat(document.get("kind")).as(file + " kind").isInstanceOf(String.class);
                if (!file.equals(KUSTOMIZATION)) {
                    assertThat(at(document, "metadata", "name")).as(file + " metadata.name")
                            .isInstanceOf(String.class);
                }
            }
        });
    }

    @Test
    void kustomizationListsEveryManifestInTheDirectoryAndNothingElse() {
        Map<String, Object> kustomization = single(KUSTOMIZATION);
        assertThat(kustomization.get("kind")).isEqualTo("Kustomization");
        Set<String> listed = new TreeSet<>(strings(kustomization.get("resources")));
        Set<String> present = new TreeSet<>(manifests.keySet());
        present.remove(KUSTOMIZATION);

        assertThat(present).as("every manifest in k8s/ is in kustomization.yaml resources (the Secret template"
                + " may be left out, as k8s/README.md describes)").isSubsetOf(withOptional(listed, SECRET_TEMPLATE));
        assertThat(listed).as("every resource in kustomization.yaml exists in k8s/").isSubsetOf(present);
    }

    @Test
    void kustomizationImageEntryNamesTheDeploymentsImage() {
        List<Map<String, Object>> images = maps(single(KUSTOMIZATION).get("images"));
        String image = (String) backpropContainer().get("image");
        String imageName = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        assertThat(images).extracting(i -> i.get("name")).contains(imageName);
    }

    // ---------------------------------------------------------------------------------------------- Deployment

    @Nested
    class TheDeployment {

        @Test
        void requestsAndLimitsCpuAndMemory() {
            Map<String, Object> resources = map(backpropContainer().get("resources"));
            for (String kind : List.of("requests", "limits")) {
                assertThat(map(resources.get(kind))).as(kind).containsKeys("cpu", "memory");
            }
        }

        @Test
        void probesLivenessAndReadinessOnTheActuatorGroupsAndHasAStartupProbe() {
            Map<String, Object> container = backpropContainer();
            assertThat(at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
            assertThat(at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
            assertThat(container.get("startupProbe")).as("startupProbe").isInstanceOf(Map.class);
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(containerPort(container, at(container, probe, "httpGet", "port"))).as(probe + " port")
                        .isEqualTo(8080);
            }
        }

        @Test
        void runsAsNonRootWithAReadOnlyRootFilesystemAndNoPrivilegeEscalation() {
            Map<String, Object> container = backpropContainer();
            Object nonRoot = Objects.requireNonNullElse(at(container, "securityContext", "runAsNonRoot"),
                    at(backpropPodSpec(), "securityContext", "runAsNonRoot"));
            assertThat(nonRoot).as("runAsNonRoot (container or pod)").isEqualTo(true);
            assertThat(at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(at(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
        }

        @Test
        void mountsAWritableVolumeAtTmp() {
            Map<String, Object> tmp = maps(backpropContainer().get("volumeMounts")).stream()
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume mounted at /tmp"));
            assertThat(tmp.get("readOnly")).as("readOnly").isNotEqualTo(true);
            Map<String, Object> volume = maps(backpropPodSpec().get("volumes")).stream()
                    .filter(v -> Objects.equals(v.get("name"), tmp.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no volume named " + tmp.get("name")));
            assertThat(volume.keySet()).as("a writable volume type")
                    .containsAnyOf("emptyDir", "ephemeral", "persistentVolumeClaim");
        }

        @Test
        void leavesAtLeastSixtySecondsForShutdownAfterAPreStopSleep() {
            int grace = ((Number) backpropPodSpec().get("terminationGracePeriodSeconds")).intValue();
            Map<String, Object> preStop = map(at(backpropContainer(), "lifecycle", "preStop"));
            int sleep;
            if (at(preStop, "sleep", "seconds") instanceof Number seconds) {
                sleep = seconds.intValue(); // the built-in sleep action (Kubernetes 1.30+)
            } else {
                List<String> command = strings(at(preStop, "exec", "command"));
                assertThat(command).as("preStop command").hasSize(2).first().isEqualTo("sleep");
                sleep = Integer.parseInt(command.get(1));
            }
            assertThat(sleep).as("preStop sleep seconds").isBetween(5, 30);
            assertThat(grace).as("terminationGracePeriodSeconds").isGreaterThanOrEqualTo(60)
                    .isGreaterThanOrEqualTo(sleep + 60);
        }

        @Test
        void takesItsConfigurationFromTheConfigMapAndTheSecret() {
            Map<String, Object> container = backpropContainer();
            Set<String> configMaps = new TreeSet<>();
            Set<String> secrets = new TreeSet<>();
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                addIfString(configMaps, at(source, "configMapRef", "name"));
                addIfString(secrets, at(source, "secretRef", "name"));
            }
            for (Map<String, Object> variable : maps(container.get("env"))) {
                addIfString(configMaps, at(variable, "valueFrom", "configMapKeyRef", "name"));
                addIfString(secrets, at(variable, "valueFrom", "secretKeyRef", "name"));
            }
            assertThat(configMaps).contains(name(document("ConfigMap", "backprop-config")));
            assertThat(secrets).contains(name(document("Secret", "backprop-secrets")));
        }

        @Test
        void setsOneOpenMpThread() {
            Map<String, String> env = new LinkedHashMap<>();
            Map<String, Object> container = backpropContainer();
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                Object configMap = at(source, "configMapRef", "name");
                if (configMap != null) {
                    map(document("ConfigMap", (String) configMap).get("data"))
                            .forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
            }
            for (Map<String, Object> variable : maps(container.get("env"))) {
                if (variable.get("value") != null) {
                    env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
                }
            }
            assertThat(env).containsEntry("OMP_NUM_THREADS", "1");
        }

        @Test
        void leavesTheReplicaCountToTheAutoscaler() {
            assertThat(map(document("Deployment", "backprop").get("spec")))
                    .as("spec.replicas would be reset by every kubectl apply").doesNotContainKey("replicas");
        }

        @Test
        void pointsAtPostgresqlBecauseItMayRunSeveralReplicas() {
            assertThat(at(document("HorizontalPodAutoscaler", "backprop"), "spec", "maxReplicas")).isNotEqualTo(1);
            assertThat(String.valueOf(at(document("ConfigMap", "backprop-config"), "data", "SPRING_DATASOURCE_URL")))
                    .startsWith("jdbc:postgresql:");
        }
    }

    // ------------------------------------------------------------------------------- Service, HPA, PDB, Postgres

    @Nested
    class TheOtherManifests {

        @Test
        void serviceSelectsTheBackpropPodsOnContainerPort8080() {
            Map<String, Object> service = document("Service", "backprop");
            assertThat(podLabels()).containsAllEntriesOf(stringMap(at(service, "spec", "selector")));
            List<Map<String, Object>> ports = maps(at(service, "spec", "ports"));
            assertThat(ports).isNotEmpty();
            for (Map<String, Object> port : ports) {
                assertThat(containerPort(backpropContainer(), port.get("targetPort"))).isEqualTo(8080);
            }
        }

        @Test
        void autoscalerScalesTheDeploymentOneToFourOnCpuAndScalesDownSlowly() {
            Map<String, Object> hpa = document("HorizontalPodAutoscaler", "backprop");
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(at(hpa, "spec", "scaleTargetRef")).isEqualTo(
                    Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", "backprop"));
            assertThat(at(hpa, "spec", "minReplicas")).isEqualTo(1);
            assertThat(at(hpa, "spec", "maxReplicas")).isEqualTo(4);
            List<Map<String, Object>> metrics = maps(at(hpa, "spec", "metrics"));
            assertThat(metrics).anySatisfy(metric -> {
                assertThat(at(metric, "resource", "name")).isEqualTo("cpu");
                assertThat(at(metric, "resource", "target", "type")).isEqualTo("Utilization");
                assertThat(at(metric, "resource", "target", "averageUtilization")).isEqualTo(70);
            });
            assertThat(at(hpa, "spec", "behavior", "scaleDown", "stabilizationWindowSeconds")).isEqualTo(300);
        }

        @Test
        void disruptionBudgetSelectsExactlyTheDeploymentsPods() {
            Map<String, Object> pdb = document("PodDisruptionBudget", "backprop");
            assertThat(pdb.get("apiVersion")).isEqualTo("policy/v1");
            assertThat(at(pdb, "spec", "maxUnavailable")).isEqualTo(1);
            Map<String, String> selector = stringMap(at(pdb, "spec", "selector", "matchLabels"));
            assertThat(selector).isNotEmpty();
            assertThat(podLabels()).containsAllEntriesOf(selector);
            Map<String, String> postgresLabels = stringMap(at(document("StatefulSet", "backprop-postgres"), "spec",
                    "template", "metadata", "labels"));
            assertThat(postgresLabels.entrySet().containsAll(selector.entrySet()))
                    .as("the selector also matches the PostgreSQL pods").isFalse();
        }

        @Test
        void postgresStatefulSetKeepsItsDataInAVolumeClaimAndPinsTheImageMajorVersion() {
            Map<String, Object> statefulSet = document("StatefulSet", "backprop-postgres");
            List<Map<String, Object>> claims = maps(at(statefulSet, "spec", "volumeClaimTemplates"));
            assertThat(claims).isNotEmpty();
            Map<String, Object> container = maps(at(statefulSet, "spec", "template", "spec", "containers")).get(0);
            assertThat((String) container.get("image")).matches(PINNED_MAJOR);
            assertThat(maps(container.get("volumeMounts"))).extracting(m -> m.get("name"))
                    .contains(at(claims.get(0), "metadata", "name"));
        }
    }

    // ------------------------------------------------------------------------------------------ docker-compose

    @Nested
    class DockerCompose {

        private final Map<String, Object> compose = load(COMPOSE);

        private Map<String, Object> service(String name) {
            return map(at(compose, "services", name));
        }

        @Test
        void pinsThePostgresImageToAMajorVersion() {
            assertThat((String) service("postgres").get("image")).startsWith("postgres:").matches(PINNED_MAJOR);
        }

        @Test
        void keepsTheDatabaseInANamedVolume() {
            Set<String> named = map(compose.get("volumes")).keySet();
            List<String> mounts = strings(service("postgres").get("volumes"));
            assertThat(mounts).anySatisfy(mount -> {
                String[] parts = mount.split(":");
                assertThat(parts).hasSizeGreaterThanOrEqualTo(2);
                assertThat(named).contains(parts[0]);
                assertThat(parts[1]).isEqualTo("/var/lib/postgresql/data");
            });
        }

        @Test
        void hasAHealthCheckOnBothServices() {
            for (String name : List.of("postgres", "backprop")) {
                Map<String, Object> healthcheck = map(service(name).get("healthcheck"));
                assertThat(healthcheck.get("disable")).as(name).isNotEqualTo(true);
                assertThat(strings(healthcheck.get("test"))).as(name + " healthcheck test").isNotEmpty()
                        .doesNotContain("NONE");
            }
            assertThat(String.join(" ", strings(at(service("backprop"), "healthcheck", "test"))))
                    .contains("/actuator/health/readiness");
        }

        @Test
        void startsBackpropOnlyOncePostgresIsHealthy() {
            assertThat(at(service("backprop"), "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
        }

        @Test
        void configuresTheDatasourceOnlyByEnvironmentVariablesWithoutALiteralPassword() {
            Map<String, String> env = environment(service("backprop"));
            assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
                    "SPRING_DATASOURCE_PASSWORD");
            assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:");
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).contains("${");
            assertThat(environment(service("postgres")).get("POSTGRES_PASSWORD")).contains("${");
            for (String key : List.of("command", "entrypoint")) {
                assertThat(String.valueOf(service("backprop").get(key))).as(key).doesNotContain("datasource");
            }
        }

        private static Map<String, String> environment(Map<String, Object> service) {
            Object environment = service.get("environment");
            if (environment instanceof List<?> list) {
                return list.stream().map(String::valueOf).collect(Collectors.toMap(
                        s -> s.split("=", 2)[0], s -> s.contains("=") ? s.split("=", 2)[1] : "",
                        (a, b) -> b, LinkedHashMap::new));
            }
            return stringMap(environment);
        }
    }

    // ---------------------------------------------------------------------------------------------- Dockerfile

    @Nested
    class TheDockerfile {

        private final Dockerfile dockerfile = Dockerfile.read();

        @Test
        void buildsInTwoStagesFromVersionPinnedImages() {
            assertThat(dockerfile.stages()).hasSize(2);
            for (Dockerfile.Stage stage : dockerfile.stages()) {
                String image = stage.image();
                assertThat(image).as("FROM %s has a tag", image).contains(":");
                String tag = image.substring(image.lastIndexOf(':') + 1);
                assertThat(tag).as("FROM %s", image).isNotEqualTo("latest").containsPattern("^\\d+");
            }
            assertThat(dockerfile.finalStage().all("COPY")).as("the image is made from the build stage's output")
                    .anySatisfy(copy -> assertThat(copy.arguments())
                            .startsWith("--from=" + dockerfile.stages().get(0).name() + " "));
        }

        @Test
        void runsAsANonRootUser() {
            String user = dockerfile.finalStage().last("USER")
                    .orElseThrow(() -> new AssertionError("no USER in the final stage")).arguments();
            String uid = user.split(":")[0];
            assertThat(uid).isNotIn("root", "0");
        }

        @Test
        void exposesPort8080() {
            assertThat(dockerfile.finalStage().all("EXPOSE")).extracting(Dockerfile.Instruction::arguments)
                    .anySatisfy(ports -> assertThat(Dockerfile.words(ports)).contains("8080"));
        }

        @Test
        void checksHealthOnTheReadinessEndpoint() {
            String healthcheck = dockerfile.finalStage().last("HEALTHCHECK")
                    .orElseThrow(() -> new AssertionError("no HEALTHCHECK")).arguments();
            assertThat(healthcheck).doesNotStartWith("NONE").contains("CMD")
                    .contains("127.0.0.1:8080/actuator/health/readiness");
        }

        @Test
        void startsTheApplicationJarInExecFormWithTheClassDataArchiveTheImageBuildCreates() {
            assertThat(dockerfile.entrypoint()).isNotEmpty()
                    .contains("-XX:SharedArchiveFile=backprop.jsa").endsWith("-jar", "backprop.jar");
            assertThat(dockerfile.finalStage().all("RUN")).extracting(Dockerfile.Instruction::arguments)
                    .anySatisfy(run -> assertThat(run).contains("-XX:ArchiveClassesAtExit=backprop.jsa")
                            .contains("-Dspring.context.exit=onRefresh").contains("-jar backprop.jar"));
        }

        @Test
        void startsTheAheadOfTimeProcessedContextAndArchivesItsClasses() {
            assertThat(dockerfile.entrypoint()).contains("-Dspring.aot.enabled=true");
            assertThat(dockerfile.finalStage().all("RUN")).extracting(Dockerfile.Instruction::arguments)
                    .anySatisfy(run -> assertThat(run).contains("-XX:ArchiveClassesAtExit=backprop.jsa")
                            .contains("-Dspring.aot.enabled=true"));
        }

        @Test
        void sizesTheJvmAndNd4jOffHeapMemoryForAContainer() {
            String options = dockerfile.finalStage().env().get("JAVA_TOOL_OPTIONS");
            assertThat(options).as("JAVA_TOOL_OPTIONS").isNotNull()
                    .containsPattern("-XX:MaxRAMPercentage=\\d+")
                    .contains("-XX:+ExitOnOutOfMemoryError")
                    .containsPattern("-Dorg\\.bytedeco\\.javacpp\\.maxbytes=\\S+")
                    .containsPattern("-Dorg\\.bytedeco\\.javacpp\\.maxphysicalbytes=\\S+");
        }

        @Test
        void limitsOpenMpToOneThread() {
            assertThat(dockerfile.finalStage().env()).containsEntry("OMP_NUM_THREADS", "1");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static List<Map<String, Object>> loadAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
            return documents;
        } catch (IOException e) {
            return fail("cannot read " + file, e);
        }
    }

    private static Map<String, Object> load(Path file) {
        List<Map<String, Object>> documents = loadAll(file);
        assertThat(documents).as(file.toString()).hasSize(1);
        return documents.get(0);
    }

    private Map<String, Object> single(String file) {
        assertThat(manifests).containsKey(file);
        assertThat(manifests.get(file)).as(file).hasSize(1);
        return manifests.get(file).get(0);
    }

    private Map<String, Object> document(String kind, String name) {
        return manifests.values().stream().flatMap(List::stream)
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in k8s/"));
    }

    private Map<String, Object> backpropPodSpec() {
        return map(at(document("Deployment", "backprop"), "spec", "template", "spec"));
    }

    private Map<String, Object> backpropContainer() {
        return maps(backpropPodSpec().get("containers")).stream()
                .filter(c -> "backprop".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container named backprop"));
    }

    private Map<String, String> podLabels() {
        Map<String, Object> deployment = document("Deployment", "backprop");
        Map<String, String> labels = stringMap(at(deployment, "spec", "template", "metadata", "labels"));
        assertThat(labels).containsAllEntriesOf(stringMap(at(deployment, "spec", "selector", "matchLabels")));
        return labels;
    }

    /** A port given by number or by the name of one of the container's ports, as the container port number. */
    private static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return maps(container.get("ports")).stream().filter(p -> Objects.equals(p.get("name"), port))
                .map(p -> ((Number) p.get("containerPort")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    private static String name(Map<String, Object> document) {
        return (String) at(document, "metadata", "name");
    }

    private static Set<String> withOptional(Set<String> listed, String optional) {
        Set<String> allowed = new TreeSet<>(listed);
        allowed.add(optional);
        return allowed;
    }

    private static void addIfString(Set<String> set, Object value) {
        if (value instanceof String s) {
            set.add(s);
        }
    }

    /** Follows map keys; null when any step is missing. */
    private static Object at(Object root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).as("a mapping").isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value).forEach((k, v) -> result.put(k, v == null ? null : String.valueOf(v)));
        return result;
    }

    private static List<Map<String, Object>> maps(Object value) {
        if (value == null) {
            return List.of();
        }
        assertThat(value).as("a sequence").isInstanceOf(List.class);
        return ((List<?>) value).stream().map(KubernetesManifestsTest::map).toList();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        assertThat(value).as("a sequence").isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
