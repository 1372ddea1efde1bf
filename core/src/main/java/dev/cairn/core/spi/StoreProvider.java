package dev.cairn.core.spi;

import dev.cairn.core.CairnConfig;

/**
 * The one service a backend registers, in {@code META-INF/services/dev.cairn.core.spi.StoreProvider},
 * or passes explicitly to {@link CairnConfig.Builder#provider}. Implementations must be thread-safe and
 * have a public no-argument constructor when loaded by {@link java.util.ServiceLoader}.
 */
public interface StoreProvider {
    /** {@return the URL scheme served, such as {@code sqlite} for {@code sqlite:plan.db}} */
    String scheme();

    /**
     * Which provider wins when several serve one scheme: the highest. Two with the same scheme and the
     * same priority is an error.
     *
     * @return the priority; 0 unless overridden
     */
    default int priority() {
        return 0;
    }

    /**
     * Opens a store for {@code config}, whose URL has this provider's scheme.
     *
     * @param config the configuration: URL, properties, and the caller's {@code DataSource} if any
     * @return the open store, for the caller to close
     * @throws dev.cairn.core.StoreConfigurationException when the URL or a property is wrong
     * @throws dev.cairn.core.StoreException when the backend cannot be reached
     */
    Store open(CairnConfig config);
}
