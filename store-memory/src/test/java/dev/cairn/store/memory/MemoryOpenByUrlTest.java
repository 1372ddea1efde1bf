package dev.cairn.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import org.junit.jupiter.api.Test;

/** Opening by URL through the facade, with providers found by {@link java.util.ServiceLoader}. */
class MemoryOpenByUrlTest {
    @Test
    void memoryOpensAnEmptyStoreFoundByServiceLoader() {
        try (Cairn opened = Cairn.open("memory:")) {
            assertThat(opened.backend()).isEqualTo("memory");
            assertThat(opened.roots()).isEmpty();

            opened.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));

            assertThat(opened.get("GOAL-1").title()).isEqualTo("Ship");
        }
    }

    @Test
    void anUnknownSchemeFailsListingTheSchemesAvailable() {
        assertThatThrownBy(() -> Cairn.open("nosuch:x"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("'nosuch'")
                .hasMessageContaining("nosuch:x")
                .hasMessageContaining("Available: [memory]")
                .hasMessageContaining("register a provider");
    }

    @Test
    void anUnknownSchemeMasksThePasswordOfTheUrl() {
        assertThatThrownBy(() -> Cairn.open("nosuch://app:secret@db/plan"))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("app:****@db")
                .hasMessageNotContaining("secret");
    }
}
