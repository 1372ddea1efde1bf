package dev.cairn.store.memory;

import static dev.cairn.store.memory.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreProvider;
import java.util.ServiceLoader;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryStoreProviderTest {
    private final MemoryStoreProvider provider = new MemoryStoreProvider();

    @Test
    void isFoundByServiceLoaderUnderSchemeMemory() {
        assertThat(ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(found -> {
                    assertThat(found).isInstanceOf(MemoryStoreProvider.class);
                    assertThat(found.scheme()).isEqualTo("memory");
                    assertThat(found.priority()).isZero();
                });
    }

    @Test
    void opensStoresOfBackendMemoryThatDeclareCommandRunsOnly() {
        try (Store store = provider.open(CairnConfig.of("memory:"))) {
            assertThat(store.backend()).isEqualTo("memory");
            assertThat(store.capabilities()).containsExactly(StoreCapability.COMMAND_RUNS);
        }
    }

    @Test
    void emptyLocationGivesAPrivateStorePerOpen() {
        Store first = provider.open(CairnConfig.of("memory:"));
        Store second = provider.open(CairnConfig.of("memory:"));
        first.write(tx -> {
            tx.insert(node("TSK-1").build());
            return null;
        });

        assertThat(holdsTask(second)).isFalse();
        assertThat(holdsTask(first)).isTrue();
    }

    @Test
    void aNameGivesAStoreSharedByEveryOpenOfThatName() {
        String name = uniqueName();
        try {
            Store first = provider.open(CairnConfig.of("memory:" + name));
            Store second = provider.open(CairnConfig.of("memory:" + name));
            Store other = provider.open(CairnConfig.of("memory:" + name + "-other"));
            first.write(tx -> {
                tx.insert(node("TSK-1").build());
                return null;
            });

            assertThat(holdsTask(second)).isTrue();
            assertThat(holdsTask(other)).isFalse();
        } finally {
            MemoryStoreProvider.drop(name);
            MemoryStoreProvider.drop(name + "-other");
        }
    }

    @Test
    void aNamedStoreOutlivesClosingItsHandles() {
        String name = uniqueName();
        try {
            try (Store store = provider.open(CairnConfig.of("memory:" + name))) {
                store.write(tx -> {
                    tx.insert(node("TSK-1").build());
                    return null;
                });
            }
            try (Store reopened = provider.open(CairnConfig.of("memory:" + name))) {
                assertThat(holdsTask(reopened)).isTrue();
            }
        } finally {
            MemoryStoreProvider.drop(name);
        }
    }

    @Test
    void dropForgetsANamedStoreSoTheNextOpenIsEmpty() {
        String name = uniqueName();
        Store store = provider.open(CairnConfig.of("memory:" + name));
        store.write(tx -> {
            tx.insert(node("TSK-1").build());
            return null;
        });

        assertThat(MemoryStoreProvider.drop(name)).isTrue();
        assertThat(MemoryStoreProvider.drop(name)).isFalse();
        Store reopened = provider.open(CairnConfig.of("memory:" + name));
        assertThat(holdsTask(reopened)).isFalse();
        assertThat(holdsTask(store)).as("a handle opened before the drop").isTrue();
        MemoryStoreProvider.drop(name);
    }

    @Test
    void theQueryStringIsNotPartOfTheName() {
        String name = uniqueName();
        try {
            provider.open(CairnConfig.of("memory:" + name + "?actor=ana")).write(tx -> {
                tx.insert(node("TSK-1").build());
                return null;
            });
            assertThat(holdsTask(provider.open(CairnConfig.of("memory:" + name)))).isTrue();
        } finally {
            MemoryStoreProvider.drop(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:a b", "memory:   ", "memory://host/x", "memory:-lead", "memory:na/me", "memory:é"})
    void rejectsABadNameNamingTheUrl(String url) {
        assertThatThrownBy(() -> provider.open(CairnConfig.of(url)))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("url=" + url)
                .hasMessageContaining("memory:plan-tests");
    }

    @Test
    void rejectsANameLongerThan128Characters() {
        assertThat(provider.open(CairnConfig.of("memory:" + "n".repeat(128)))).isNotNull();
        assertThatThrownBy(() -> provider.open(CairnConfig.of("memory:" + "n".repeat(129))))
                .isInstanceOf(StoreConfigurationException.class);
        MemoryStoreProvider.drop("n".repeat(128));
    }

    @Test
    void aClosedHandleRefusesWorkAndClosingTwiceIsHarmless() {
        Store store = provider.open(CairnConfig.of("memory:"));
        store.close();
        store.close();

        assertThatThrownBy(() -> store.read(tx -> tx.node("TSK-1")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("memory:")
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> store.write(tx -> null)).isInstanceOf(StoreException.class);
    }

    private static boolean holdsTask(Store store) {
        return store.read(tx -> tx.node("TSK-1").isPresent());
    }

    private static String uniqueName() {
        return "test-" + UUID.randomUUID();
    }
}
