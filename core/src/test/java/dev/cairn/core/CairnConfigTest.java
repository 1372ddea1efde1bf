package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CairnConfigTest {
    @TempDir
    Path folder;

    @Test
    void readsAPropertiesFile() throws IOException {
        Path file = folder.resolve("cairn.properties");
        Files.writeString(file, "cairn.url=sqlite:plan.db\nactor=ana\nmigrate=validate\n");

        CairnConfig config = CairnConfig.fromFile(file);

        assertThat(config.url()).isEqualTo("sqlite:plan.db");
        assertThat(config.actor()).isEqualTo("ana");
        assertThat(config.properties()).containsEntry("migrate", "validate");
    }

    @Test
    void readsAYamlFileFlatteningMaps() throws IOException {
        Path file = folder.resolve("cairn.yaml");
        Files.writeString(file, "url: postgresql://db/plan\npool:\n  size: 4\n");

        CairnConfig config = CairnConfig.fromFile(file);

        assertThat(config.scheme()).isEqualTo("postgresql");
        assertThat(config.properties()).containsEntry("pool.size", "4");
    }

    @Test
    void aFileWithoutUrlIsRefusedNamingTheProperty() throws IOException {
        Path file = folder.resolve("cairn.yaml");
        Files.writeString(file, "actor: ana\n");

        assertThatThrownBy(() -> CairnConfig.fromFile(file))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("url is required");
    }

    @Test
    void aMissingFileIsAClearError() {
        assertThatThrownBy(() -> CairnConfig.fromFile(folder.resolve("nope.properties")))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("nope.properties");
    }

    @Test
    void urlParametersComeLastAmongProperties() {
        CairnConfig config = CairnConfig.builder("sqlite:plan.db?migrate=off").property("migrate", "on").build();

        assertThat(config.property("migrate")).contains("off");
    }

    @Test
    void fromPropertiesAndMaskedToString() {
        Properties properties = new Properties();
        properties.setProperty("url", "postgresql://app:pw@db/plan");

        CairnConfig config = CairnConfig.fromProperties(properties);

        assertThat(config.toString()).contains("app:****@").doesNotContain("pw@");
    }

    @Test
    void aUrlWithoutSchemeIsRefused() {
        assertThatThrownBy(() -> CairnConfig.of("plan.db"))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("has no scheme");
    }
}
