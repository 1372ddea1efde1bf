package dev.cairn.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and explain {@code cairn.*} properties, as the jar ships it. */
class ConfigurationMetadataTest {

    @Test
    void everyCairnPropertyIsDescribedWithItsTypeAndDefault() throws IOException {
        Map<String, JsonNode> properties = properties();

        assertThat(properties).containsKeys("cairn.url", "cairn.datasource", "cairn.schema", "cairn.migrate",
                "cairn.migrations.locations", "cairn.migrations.placeholders", "cairn.migrations.target",
                "cairn.migrations.out-of-order", "management.health.cairn.enabled");
        properties.forEach((name, property) -> {
            if (name.startsWith("cairn.")) {
                assertThat(property.path("description").asText()).as(name).isNotBlank();
            }
        });
        assertThat(properties.get("cairn.migrate").path("defaultValue").asText()).isEqualTo("auto");
        assertThat(properties.get("cairn.migrations.history-table").path("defaultValue").asText())
                .isEqualTo("cairn_schema_history");
    }

    @Test
    void urlAndLocationsCarryExampleValues() throws IOException {
        JsonNode hints = metadata().path("hints");
        Map<String, JsonNode> byName = new HashMap<>();
        hints.forEach(hint -> byName.put(hint.path("name").asText(), hint));

        assertThat(byName.get("cairn.url").path("values").findValuesAsText("value")).contains("sqlite:plan.db");
        assertThat(byName.get("cairn.migrations.locations").path("values").findValuesAsText("value"))
                .contains("classpath:db/migration");
    }

    private static Map<String, JsonNode> properties() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        metadata().path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        return properties;
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
