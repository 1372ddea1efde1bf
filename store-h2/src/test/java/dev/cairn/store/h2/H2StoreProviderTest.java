package dev.cairn.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2StoreProviderTest {
    @TempDir
    Path folder;

    @Test
    void aFileDatabaseKeepsItsDataAcrossOpensAndDeclaresPersistent() {
        String url = "h2:file:" + folder.resolve("plan");
        try (Cairn cairn = Cairn.open(url)) {
            assertThat(cairn.backend()).isEqualTo("h2");
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1").labels("release"));
        }
        try (Store store = new H2StoreProvider().open(CairnConfig.of(url))) {
            assertThat(store.capabilities()).containsExactlyInAnyOrder(StoreCapability.PERSISTENT,
                    StoreCapability.COMMAND_RUNS);
        }
        try (Cairn cairn = Cairn.open(url + "?migrate=validate")) {
            assertThat(cairn.get("GOAL-1").labels()).containsExactly("release");
        }
        assertThat(folder.resolve("plan.mv.db")).exists();
    }

    @Test
    void aMemoryDatabaseIsSharedByNameWhileOpenAndGoneAfter() {
        String url = "h2:mem:shared-" + UUID.randomUUID();
        try (Cairn first = Cairn.open(url); Cairn second = Cairn.open(url)) {
            first.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));

            assertThat(second.findById("GOAL-1")).isPresent();
            assertThat(first.backend()).isEqualTo("h2");
        }
        try (Cairn reopened = Cairn.open(url)) {
            assertThat(reopened.findById("GOAL-1")).isEmpty();
        }
    }

    @Test
    void validateRefusesANewDatabase() {
        assertThatThrownBy(() -> Cairn.open("h2:mem:new-" + UUID.randomUUID() + "?migrate=validate"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("is behind")
                .hasMessageContaining("V1__init.sql");
    }

    @Test
    void aUrlThatIsNeitherMemNorFileIsRefused() {
        assertThatThrownBy(() -> Cairn.open("h2:tcp://host/db"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("h2:mem:NAME or h2:file:PATH");
        assertThatThrownBy(() -> Cairn.open("h2:mem:x;INIT=RUNSCRIPT FROM 'evil'"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("H2 setting 'INIT'");
        assertThatThrownBy(() -> Cairn.open("h2:mem:x;MODE=PostgreSQL"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("is not 1 to 128 letters");
    }
}
