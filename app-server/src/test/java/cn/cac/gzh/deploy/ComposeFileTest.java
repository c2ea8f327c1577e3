package cn.cac.gzh.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * deploy/docker-compose.yml (with deploy/.env.example, the nginx configuration and deploy/Dockerfile): the
 * services, their health checks and start order, nginx's routes and limits, and that every variable the file
 * sets or interpolates is one of README.md's "Configuration (production)" table. Read with SnakeYAML; Docker is
 * not needed.
 */
class ComposeFileTest {

    private static final Set<String> APPS = Set.of("app1", "app2");

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}}, not {@code $${NAME}} (escaped). */
    private static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    /** {@code NAME=value} or a commented {@code # NAME=default} line of .env.example. */
    private static final Pattern ENV_LINE = Pattern.compile("(?m)^(#\\s*)?([A-Z][A-Z0-9_]*)=(.*)$");

    private static Map<String, Object> compose;
    private static Map<String, Object> services;
    private static String composeText;

    @BeforeAll
    static void load() {
        composeText = DeployFiles.read(DeployFiles.deploy("docker-compose.yml"));
        compose = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(composeText), "docker-compose.yml");
        services = map(compose.get("services"), "services");
    }

    @Test
    void theHostRunsMysqlRedisMinioTwoReplicasAndNginx() {
        assertThat(services).containsKeys("mysql", "redis", "minio", "app1", "app2", "nginx");
        assertThat(string(service("mysql").get("image"))).startsWith("mysql:8");
        assertThat(string(service("redis").get("image"))).startsWith("redis:7");
        assertThat(string(service("minio").get("image"))).contains("minio");
        for (String app : APPS) {
            Map<String, Object> build = map(service(app).get("build"), app + ".build");
            assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "deploy/Dockerfile");
        }
        assertThat(DeployFiles.deploy("Dockerfile")).exists();
    }

    @Test
    void everyServiceHasAHealthCheckAndStartsAfterWhatItNeedsIsHealthy() {
        services.forEach((name, definition) -> {
            Map<String, Object> healthcheck = map(map(definition, name).get("healthcheck"), name + ".healthcheck");
            assertThat(healthcheck).as(name).containsKey("test").doesNotContainEntry("disable", true);
            Object test = healthcheck.get("test");
            String command = test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(test);
            assertThat(command).as(name + " health check").startsWith("CMD").doesNotContain("NONE");
        });
        for (String app : APPS) {
            assertThat(healthCommand(app)).contains("/actuator/health/readiness");
            assertThat(dependsOnHealthy(app)).as(app + " depends_on").contains("mysql", "redis", "minio");
        }
        assertThat(dependsOnHealthy("nginx")).as("nginx depends_on").containsAll(APPS);
    }

    @Test
    void nginxRoutesThePortalTheApisTheConsoleAndHealthWithTheServiceLimits() {
        List<String> volumes = strings(service("nginx").get("volumes"));
        String mount = volumes.stream().filter(volume -> volume.contains("/etc/nginx/conf.d/")).findFirst()
                .orElseThrow(() -> new AssertionError("nginx mounts no configuration into /etc/nginx/conf.d/"));
        String conf = DeployFiles.read(DeployFiles.deploy(mount.substring(0, mount.indexOf(':')).replaceFirst("^\\./", "")));
        assertThat(volumes).anySatisfy(volume -> assertThat(volume).startsWith("./nginx/certs:/etc/nginx/certs"));
        assertThat(DeployFiles.deploy("nginx/certs/README.md")).exists();

        for (String location : List.of("/wechat/portal/", "/api/mini/", "/api/console/", "/console/", "/actuator/health")) {
            assertThat(conf).as("location " + location).containsPattern("(?m)^\\s*location\\s+" + Pattern.quote(location) + "\\s*\\{");
        }
        assertThat(conf).containsPattern("server app1:8080").containsPattern("server app2:8080");
        // MAX_JSON_BODY_SIZE 1MB for the service; material files go to the storage server (presigned POST)
        assertThat(conf).containsPattern("(?m)^\\s*client_max_body_size 1m;");
        assertThat(conf).containsPattern("(?m)^\\s*proxy_next_upstream error timeout http_502 http_503;");
        assertThat(conf).doesNotContainPattern("(?m)^\\s*proxy_next_upstream .*non_idempotent");
        assertThat(conf).containsPattern("proxy_set_header X-Forwarded-For \\$proxy_add_x_forwarded_for;")
                .containsPattern("proxy_set_header X-Forwarded-Proto \\$scheme;");
        // TLS placeholders with the mounted certificates
        assertThat(conf).contains("/etc/nginx/certs/fullchain.pem", "/etc/nginx/certs/privkey.pem", "listen 443 ssl");

        // the storage server clients reach (STORAGE_PUBLIC_ENDPOINT) proxies MinIO with the original Host
        assertThat(conf).containsPattern("(?m)^\\s*listen 9000;").contains("server minio:9000")
                .contains("proxy_set_header Host $http_host;");
        assertThat(strings(service("nginx").get("ports"))).contains("80:80", "9000:9000");
        assertThat(envExample().get("STORAGE_PUBLIC_ENDPOINT")).endsWith(":9000");

        // the service believes X-Forwarded-For from nginx only
        Map<String, Object> network = map(map(service("nginx").get("networks"), "nginx.networks").get("filing"), "filing");
        for (String app : APPS) {
            Map<String, Object> environment = map(service(app).get("environment"), app + ".environment");
            assertThat(environment).containsEntry("TRUSTED_PROXIES", network.get("ipv4_address") + "/32")
                    .containsEntry("SERVER_FORWARD_HEADERS_STRATEGY", "native");
        }
    }

    @Test
    void everyVariableTheComposeFileAndEnvExampleNameIsOneOfTheReadmeConfigurationTable() {
        Set<String> documented = DeployFiles.readmeVariables().keySet();
        Set<String> appVariables = new TreeSet<>();
        for (String app : APPS) {
            appVariables.addAll(map(service(app).get("environment"), app + ".environment").keySet());
            assertThat(strings(service(app).get("env_file"))).containsExactly(".env");
        }
        assertThat(appVariables).as("variables set for the service").isSubsetOf(documented);

        Set<String> interpolated = new TreeSet<>();
        Matcher matcher = INTERPOLATION.matcher(composeText);
        while (matcher.find()) {
            interpolated.add(matcher.group(1));
        }
        assertThat(interpolated).as("variables interpolated in docker-compose.yml").isNotEmpty().isSubsetOf(documented);

        Set<String> example = envExample().keySet();
        assertThat(example).as("names in deploy/.env.example").isSubsetOf(documented);
        assertThat(example).as("deploy/.env.example names every README variable").containsAll(documented);
    }

    @Test
    void envExampleHoldsPlaceholdersAndLeavesNothingRequiredUnset() {
        String text = DeployFiles.read(DeployFiles.deploy(".env.example"));
        Map<String, String> active = new java.util.TreeMap<>();
        Matcher matcher = ENV_LINE.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                active.put(matcher.group(2), matcher.group(3));
            }
        }
        Set<String> given = new TreeSet<>(active.keySet());
        given.addAll(map(service("app1").get("environment"), "app1.environment").keySet());
        assertThat(given).as("required variables set by .env or the compose file")
                .containsAll(DeployFiles.requiredVariables());
        // secrets are empty placeholders to fill in, each with a hint how to generate it
        for (String secret : List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_DATA_REDIS_PASSWORD", "STORAGE_SECRET_KEY",
                "WECHAT_MINIAPP_SECRET", "WECHAT_MP_SECRET", "WECHAT_MP_TOKEN", "WECHAT_MP_AES_KEY",
                "CONSOLE_BOOTSTRAP_ADMIN_PASSWORD", "PII_ENCRYPTION_KEY", "PII_INDEX_KEY")) {
            assertThat(active).as(secret).containsEntry(secret, "");
        }
        assertThat(text).containsPattern("generate with:? openssl rand -base64 32\\s*\\nPII_ENCRYPTION_KEY=")
                .containsPattern("generate with:? openssl rand -base64 32\\s*\\nPII_INDEX_KEY=");
        assertThat(DeployFiles.read(DeployFiles.deploy(".gitignore"))).containsPattern("(?m)^\\.env$");
    }

    @Test
    void theImageIsLayeredNonRootAndSizesTheHeapFromTheContainerLimit() {
        String dockerfile = DeployFiles.read(DeployFiles.deploy("Dockerfile"));
        assertThat(dockerfile).contains("FROM maven:3.9-eclipse-temurin-17 AS build")
                .contains("-Djarmode=tools -jar application.jar extract --layers")
                .contains("-XX:MaxRAMPercentage=75")
                .containsPattern("(?m)^EXPOSE 8080$")
                .containsPattern("(?m)^HEALTHCHECK .*\\n?.*/actuator/health/readiness");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertThat(user.find()).as("a USER line").isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(DeployFiles.read(DeployFiles.root().resolve(".dockerignore")))
                .contains(".git", "**/target/", "**/node_modules/", "**/.devservices/", "deploy/.env");
    }

    // ---------------------------------------------------------------------------------------------------

    private static Map<String, String> envExample() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Matcher matcher = ENV_LINE.matcher(DeployFiles.read(DeployFiles.deploy(".env.example")));
        while (matcher.find()) {
            names.put(matcher.group(2), matcher.group(3));
        }
        return names;
    }

    private static Set<String> dependsOnHealthy(String service) {
        Set<String> healthy = new TreeSet<>();
        map(service(service).get("depends_on"), service + ".depends_on").forEach((name, condition) -> {
            if ("service_healthy".equals(map(condition, service + ".depends_on." + name).get("condition"))) {
                healthy.add(name);
            }
        });
        return healthy;
    }

    private static String healthCommand(String service) {
        return String.join(" ", strings(map(service(service).get("healthcheck"), service).get("test")));
    }

    private static Map<String, Object> service(String name) {
        return map(services.get(name), "service " + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return ((List<?>) value).stream().map(String::valueOf).toList();
    }

    private static String string(Object value) {
        assertThat(value).isInstanceOf(String.class);
        return (String) value;
    }
}
