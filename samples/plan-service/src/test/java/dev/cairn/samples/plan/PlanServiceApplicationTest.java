package dev.cairn.samples.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample as a user starts it, on a SQLite file of its own, asked over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanServiceApplicationTest {
    @TempDir
    static Path folder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cairn.url", () -> "sqlite:" + folder.resolve("plan.db"));
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + folder.resolve("app.db"));
    }

    @LocalServerPort
    int port;

    @Test
    void planEndpointShowsTheSeededPlanWithRolledUpProgress() throws Exception {
        JsonNode plan = get("/plan");

        assertThat(plan).hasSize(1);
        JsonNode goal = plan.get(0);
        assertThat(goal.path("title").asText()).isEqualTo("Ship the plan service");
        assertThat(goal.path("layer").asText()).isEqualTo("Goal");
        JsonNode phase = goal.path("children").get(0);
        assertThat(phase.path("children").findValuesAsText("title"))
                .containsExactlyInAnyOrder("Serve the plan over REST", "Write the README");
        // Owners come from the application's own table, migrated before the seeder was made.
        assertThat(phase.path("children").findValuesAsText("owner")).containsExactlyInAnyOrder("ana", "ben");
        // One of two tasks completed: the phase and the goal stand at half.
        assertThat(phase.path("progress").asDouble()).isEqualTo(50.0);
        assertThat(goal.path("progress").asDouble()).isEqualTo(50.0);

        JsonNode subtree = get("/plan/" + phase.path("id").asText());
        assertThat(subtree.path("title").asText()).isEqualTo("First release");
    }

    @Test
    void unknownNodeIsNotFound() throws Exception {
        HttpResponse<String> response = send("/plan/TSK-NOSUCHNODE");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("TSK-NOSUCHNODE");
    }

    @Test
    void cairnEndpointShowsTheApplicationsMigrationsApplied() throws Exception {
        JsonNode application = get("/actuator/cairn").path("migrators").path("application").path("modules")
                .path("application");

        assertThat(application.findValuesAsText("script")).containsExactly("V1__create_members.sql",
                "V2__first_members.sql");
        assertThat(application.findValuesAsText("state")).containsOnly("APPLIED");
    }

    @Test
    void healthShowsTheSqliteStoreUp() throws Exception {
        JsonNode health = get("/actuator/health/cairn");

        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("backend").asText()).isEqualTo("sqlite");
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
