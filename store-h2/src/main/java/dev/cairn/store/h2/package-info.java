/**
 * The H2 store, scheme {@code h2}: {@link dev.cairn.store.h2.H2StoreProvider} and Cairn's H2 migrations,
 * {@link dev.cairn.store.h2.H2MigrationSet}. Both are found through {@link java.util.ServiceLoader};
 * applications open stores by URL through {@link dev.cairn.core.Cairn}.
 */
package dev.cairn.store.h2;
