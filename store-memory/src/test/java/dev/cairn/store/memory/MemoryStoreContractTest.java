package dev.cairn.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.store.tck.StoreContractTest;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The memory store keeps the whole contract. Each test gets a store of its own name, so that the
 * persistence tests run too: a named memory store outlives its handles for as long as the JVM, which is
 * all that reopening asks.
 */
class MemoryStoreContractTest extends StoreContractTest {
    private final String name = "tck-" + UUID.randomUUID();

    @Override
    protected Store createStore() {
        return new MemoryStoreProvider().open(CairnConfig.of("memory:" + name));
    }

    @Override
    protected Set<StoreCapability> capabilities() {
        return EnumSet.of(StoreCapability.PERSISTENT);
    }

    @Override
    protected Store reopen(Store closed) {
        return createStore();
    }

    @AfterEach
    void dropStore() {
        MemoryStoreProvider.drop(name);
    }

    /** Opening by URL through the facade, with providers found by {@link java.util.ServiceLoader}. */
    @Nested
    class OpenByUrl {
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
}
