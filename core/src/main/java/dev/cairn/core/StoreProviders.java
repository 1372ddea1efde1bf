package dev.cairn.core;

import dev.cairn.core.spi.StoreProvider;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.stream.Collectors;

/**
 * Finds the provider for a configuration: explicit ones first, then those {@link ServiceLoader} finds
 * (cached per class loader); by scheme, then priority. Thread-safe.
 */
final class StoreProviders {
    // Soft values: a strong list would hold the providers' classes, so their loader, so the weak key.
    private static final Map<ClassLoader, SoftReference<List<ServiceLoader.Provider<StoreProvider>>>> LOADED =
            new WeakHashMap<>();
    private static final Map<String, String> ARTIFACTS = Map.of(
            "memory", "dev.cairn:cairn-store-memory",
            "sqlite", "dev.cairn:cairn-store-sqlite",
            "postgresql", "dev.cairn:cairn-store-postgres",
            "postgres", "dev.cairn:cairn-store-postgres",
            "h2", "dev.cairn:cairn-store-h2");

    private StoreProviders() {
    }

    static StoreProvider select(CairnConfig config) {
        List<StoreProvider> all = available(config);
        String scheme = config.scheme();
        List<StoreProvider> matching = all.stream()
                .filter(provider -> provider.scheme().equalsIgnoreCase(scheme))
                .sorted(Comparator.comparingInt(StoreProvider::priority).reversed())
                .toList();
        if (matching.isEmpty()) {
            String schemes = all.stream().map(StoreProvider::scheme).collect(Collectors.toCollection(TreeSet::new))
                    .toString();
            String artifact = ARTIFACTS.get(scheme);
            throw new StoreConfigurationException("No store provider for scheme '" + scheme + "' (url="
                    + config.maskedUrl() + "). Available: " + schemes + ". "
                    + (artifact != null ? "Add " + artifact + ", or register a provider."
                    : "Add the artifact of a store for '" + scheme + "', or register a provider."));
        }
        if (matching.size() > 1 && matching.get(0).priority() == matching.get(1).priority()) {
            throw new StoreConfigurationException("Two store providers for scheme '" + scheme
                    + "' with priority " + matching.get(0).priority() + ": "
                    + matching.get(0).getClass().getName() + " and " + matching.get(1).getClass().getName()
                    + ". Remove one from the class path, or give one a higher priority.");
        }
        return matching.get(0);
    }

    private static List<StoreProvider> available(CairnConfig config) {
        List<StoreProvider> providers = new ArrayList<>(config.providers());
        if (config.usesServiceLoader()) {
            for (ServiceLoader.Provider<StoreProvider> loaded : loaded(config.classLoader())) {
                boolean registered = providers.stream().anyMatch(p -> p.getClass() == loaded.type());
                if (!registered) {
                    providers.add(loaded.get());
                }
            }
        }
        return providers;
    }

    private static List<ServiceLoader.Provider<StoreProvider>> loaded(ClassLoader classLoader) {
        synchronized (LOADED) {
            SoftReference<List<ServiceLoader.Provider<StoreProvider>>> cached = LOADED.get(classLoader);
            List<ServiceLoader.Provider<StoreProvider>> providers = cached == null ? null : cached.get();
            if (providers == null) {
                providers = ServiceLoader.load(StoreProvider.class, classLoader).stream().toList();
                LOADED.put(classLoader, new SoftReference<>(providers));
            }
            return providers;
        }
    }
}
