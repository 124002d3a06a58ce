package com.salescopilot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine on the build machine, so {@code docker-compose.yml} and the
 * {@code Dockerfile} are checked here as far as that goes: structure, images, health checks, volumes,
 * the optional Ollama profile, and that every variable handed to the app is one the app reads.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            return map(new Yaml().load(in));
        }
    }

    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).as("services").containsKey(name);
        return map(services.get(name));
    }

    /** A service's environment, whether written as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String s = String.valueOf(item);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static String healthTest(Map<String, Object> service) {
        Map<String, Object> health = map(service.get("healthcheck"));
        Object test = health.get("test");
        assertThat(test).as("healthcheck.test").isNotNull();
        return test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    @Test
    void hasTheAppAndItsServicesWithImagesAndHealthChecks() throws IOException {
        assertThat(map(compose().get("services"))).containsKeys("app", "postgres", "qdrant", "ollama");

        Map<String, Object> app = service("app");
        assertThat(app.get("build")).as("the app is built from the Dockerfile").isNotNull();
        assertThat(healthTest(app)).contains("/actuator/health");
        assertThat(String.valueOf(app.get("ports"))).contains("8080");

        assertThat(String.valueOf(service("postgres").get("image"))).isEqualTo("postgres:15");
        assertThat(healthTest(service("postgres"))).contains("pg_isready");
        // pinned to the server line of the Qdrant client in the pom, never "latest"
        assertThat(String.valueOf(service("qdrant").get("image"))).startsWith("qdrant/qdrant:v1.16.");
        assertThat(healthTest(service("qdrant"))).contains("6333");
        assertThat(String.valueOf(service("ollama").get("image"))).startsWith("ollama/ollama");
        assertThat(healthTest(service("ollama"))).contains("ollama");
    }

    @Test
    void ollamaIsOptionalAndEverythingElseStartsByDefault() throws IOException {
        assertThat(String.valueOf(service("ollama").get("profiles"))).isEqualTo("[ollama]");
        for (String name : List.of("app", "postgres", "qdrant")) {
            assertThat(service(name)).as(name + " has no profile").doesNotContainKey("profiles");
        }
    }

    @Test
    void theAppWaitsForAHealthyDatabase() throws IOException {
        Map<String, Object> dependsOn = map(service("app").get("depends_on"));
        assertThat(map(dependsOn.get("postgres"))).containsEntry("condition", "service_healthy");
    }

    @Test
    void dataLivesInDeclaredNamedVolumes() throws IOException {
        Map<String, Object> declared = map(compose().get("volumes"));
        Map<String, String> dataDirs = Map.of("postgres", "/var/lib/postgresql/data", "qdrant", "/qdrant/storage",
                "ollama", "/root/.ollama");
        for (Map.Entry<String, String> entry : dataDirs.entrySet()) {
            List<?> volumes = (List<?>) service(entry.getKey()).get("volumes");
            assertThat(volumes).as(entry.getKey() + " volumes").isNotEmpty();
            String mount = volumes.stream().map(String::valueOf).filter(v -> v.endsWith(":" + entry.getValue()))
                    .findFirst().orElseThrow(() -> new AssertionError(entry.getKey() + " keeps no volume at " + entry.getValue()));
            String volume = mount.substring(0, mount.indexOf(':'));
            assertThat(declared).as("top-level volumes").containsKey(volume);
        }
        // and every named volume any service mounts is declared
        for (Object s : map(compose().get("services")).values()) {
            Object volumes = map(s).get("volumes");
            if (volumes instanceof List<?> list) {
                for (Object v : list) {
                    String source = String.valueOf(v).split(":")[0];
                    if (!source.startsWith(".") && !source.startsWith("/")) {
                        assertThat(declared).containsKey(source);
                    }
                }
            }
        }
    }

    @Test
    void theAppTalksToTheComposeDatabaseAndDoesNotTryToCreateIt() throws IOException {
        Map<String, String> env = environment(service("app"));
        Map<String, String> db = environment(service("postgres"));
        assertThat(env).containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));
        assertThat(env).containsEntry("COPILOT_DATABASE_BOOTSTRAP_ENABLED", "false");
    }

    @Test
    void everyVariableGivenToTheAppIsOneTheAppReads() throws IOException {
        Set<String> known = configurationNames();
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        List<String> unknown = new ArrayList<>();
        for (String name : environment(service("app")).keySet()) {
            boolean read = known.contains(name)
                    || known.stream().anyMatch(prefix -> prefix.endsWith("_") && name.startsWith(prefix))
                    || dockerfile.contains("$" + name);
            if (!read) {
                unknown.add(name);
            }
        }
        assertThat(unknown).as("variables in docker-compose.yml that neither the app's configuration nor the Dockerfile reads")
                .isEmpty();
    }

    /**
     * The environment variable names the app reads: placeholders in application.yaml, every key there
     * in relaxed-binding form (spring.datasource.url → SPRING_DATASOURCE_URL), and the components of
     * every {@code @ConfigurationProperties} record (prefixes, for nested records).
     */
    private static Set<String> configurationNames() throws IOException {
        Set<String> names = new HashSet<>();
        String yaml = Files.readString(ROOT.resolve("src/main/resources/application.yaml"), StandardCharsets.UTF_8);
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(yaml);
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        for (Object document : new Yaml().loadAll(yaml)) {
            flatten("", document, names);
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("com.salescopilot")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
                String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
                addComponents(envName(prefix), type, names);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static void addComponents(String prefix, Class<?> type, Set<String> names) {
        if (!type.isRecord()) {
            names.add(prefix + "_");
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String kebab = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2");
            // Spring's canonical form drops the dashes (BASEURL); BASE_URL binds too
            for (String name : List.of(prefix + "_" + envName(kebab),
                    prefix + "_" + kebab.replace('-', '_').toUpperCase(Locale.ROOT))) {
                names.add(name);
                if (component.getType().isRecord()) {
                    names.add(name + "_");
                }
            }
        }
    }

    private static void flatten(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, names));
        } else if (!prefix.isEmpty()) {
            names.add(envName(prefix));
            names.add(prefix.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    private static String envName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    @Test
    void theDockerfileRunsTheProductionJar() throws IOException {
        Path dockerfile = ROOT.resolve("Dockerfile");
        assertThat(dockerfile).exists();
        String text = Files.readString(dockerfile, StandardCharsets.UTF_8);
        assertThat(text).containsPattern("(?m)^FROM eclipse-temurin:(21|25)-jre\\s*$");
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher artifact = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(pom);
        assertThat(artifact.find()).as("the project's artifactId in pom.xml").isTrue();
        assertThat(text).contains("COPY target/" + artifact.group(1) + "-*.jar");
        assertThat(text).containsPattern("ENTRYPOINT .*java .*-jar ");
        // the build context lets the jar in
        String ignore = Files.readString(ROOT.resolve(".dockerignore"), StandardCharsets.UTF_8);
        assertThat(ignore).contains("!target/" + artifact.group(1) + "-*.jar");
    }
}
