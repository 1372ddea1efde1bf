package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/** ServiceLoader lookups of {@link MigrationSet}, cached per class loader. Thread-safe. */
public final class MigrationSetRegistry {
    private static final Map<ClassLoader, List<MigrationSet>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private MigrationSetRegistry() {
    }

    public static List<MigrationSet> sets(ClassLoader classLoader) {
        return CACHE.computeIfAbsent(classLoader, loader -> ServiceLoader.load(MigrationSet.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .toList());
    }
}
