package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreProvider;
import org.junit.jupiter.api.Test;

class StoreProvidersTest {
    @Test
    void noProviderListsTheSchemesThereAndNamesTheArtifactWithThePasswordMasked() {
        CairnConfig config = CairnConfig.builder("postgresql://app:secret@db/plan").serviceLoader(false)
                .provider(new Named("memory", 0)).provider(new Named("sqlite", 0)).build();

        assertThatThrownBy(() -> StoreProviders.select(config))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessage("No store provider for scheme 'postgresql' (url=postgresql://app:****@db/plan). "
                        + "Available: [memory, sqlite]. Add dev.cairn:cairn-store-postgres, or register a provider.");
    }

    @Test
    void theHighestPriorityWins() {
        Named low = new Named("sqlite", 0);
        Named high = new Named("sqlite", 10);
        CairnConfig config = CairnConfig.builder("sqlite:x").serviceLoader(false).provider(low).provider(high).build();

        assertThat(StoreProviders.select(config)).isSameAs(high);
    }

    @Test
    void twoProvidersWithOneSchemeAndEqualPriorityIsAnErrorNamingBoth() {
        CairnConfig config = CairnConfig.builder("sqlite:x").serviceLoader(false)
                .provider(new Named("sqlite", 1)).provider(new Other("sqlite", 1)).build();

        assertThatThrownBy(() -> StoreProviders.select(config))
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining(Named.class.getName())
                .hasMessageContaining(Other.class.getName());
    }

    @Test
    void schemesMatchIgnoringCase() {
        Named provider = new Named("sqlite", 0);
        CairnConfig config = CairnConfig.builder("SQLite:x").serviceLoader(false).provider(provider).build();

        assertThat(StoreProviders.select(config)).isSameAs(provider);
    }

    @Test
    void theConfigurationNamesTheProviderThatWouldOpenItsStore() {
        Named low = new Named("sqlite", 0);
        Named high = new Named("sqlite", 10);
        CairnConfig config = CairnConfig.builder("sqlite:x").serviceLoader(false).provider(low).provider(high).build();
        CairnConfig missing = CairnConfig.builder("h2:mem:x").serviceLoader(false).provider(low).build();

        assertThat(config.storeProvider()).isSameAs(high);
        assertThatThrownBy(missing::storeProvider)
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessage("No store provider for scheme 'h2' (url=h2:mem:x). Available: [sqlite]. "
                        + "Add dev.cairn:cairn-store-h2, or register a provider.");
    }

    private static class Named implements StoreProvider {
        private final String scheme;
        private final int priority;

        Named(String scheme, int priority) {
            this.scheme = scheme;
            this.priority = priority;
        }

        @Override
        public String scheme() {
            return scheme;
        }

        @Override
        public int priority() {
            return priority;
        }

        @Override
        public Store open(CairnConfig config) {
            throw new StoreException("not opened in this test");
        }
    }

    private static final class Other extends Named {
        Other(String scheme, int priority) {
            super(scheme, priority);
        }
    }
}
