package dev.cairn.samples.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged sample started with {@code java -jar}: its migrations are read from {@code classpath:db/migration}
 * inside Spring Boot's nested jar, and it answers over HTTP.
 */
class PlanServiceJarIT {
    private static final int MAX_POLLS = 240;

    @TempDir
    Path folder;

    @Test
    void packagedJarMigratesFromItsNestedClassesAndServesThePlan() throws Exception {
        Path jar = Path.of(System.getProperty("sample.jar"));
        assertThat(jar).exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = folder.resolve("out.log");
        Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=jdbc:sqlite:" + folder.resolve("app.db"),
                "--cairn.url=sqlite:" + folder.resolve("plan.db"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            JsonNode health = awaitHealth(app, port, log);
            assertThat(health.path("status").asText()).isEqualTo("UP");

            JsonNode application = get(port, "/actuator/cairn").path("migrators").path("application")
                    .path("modules").path("application");
            assertThat(application.findValuesAsText("script"))
                    .containsExactly("V1__create_members.sql", "V2__first_members.sql");
            assertThat(application.findValuesAsText("state")).containsOnly("APPLIED");
            assertThat(get(port, "/plan").get(0).path("title").asText()).isEqualTo("Ship the plan service");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /** Polls the health endpoint until the application answers; fails with its output if it exits first. */
    private static JsonNode awaitHealth(Process app, int port, Path log) throws Exception {
        for (int poll = 0; poll < MAX_POLLS; poll++) {
            if (!app.isAlive()) {
                throw new AssertionError("The sample exited with " + app.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return get(port, "/actuator/health/cairn");
            } catch (ConnectException notYet) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("The sample did not answer after " + MAX_POLLS + " polls:\n" + Files.readString(log));
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
