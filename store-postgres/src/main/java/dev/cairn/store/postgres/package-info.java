/**
 * The PostgreSQL store, scheme {@code postgresql}: {@link dev.cairn.store.postgres.PostgresStoreProvider} and
 * Cairn's PostgreSQL migrations, {@link dev.cairn.store.postgres.PostgresMigrationSet}. Both are found through
 * {@link java.util.ServiceLoader}; applications open stores by URL through {@link dev.cairn.core.Cairn}.
 */
package dev.cairn.store.postgres;
