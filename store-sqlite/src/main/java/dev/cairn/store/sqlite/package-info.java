/**
 * The SQLite store, scheme {@code sqlite}: {@link dev.cairn.store.sqlite.SqliteStoreProvider} and Cairn's
 * SQLite migrations, {@link dev.cairn.store.sqlite.SqliteMigrationSet}. Both are found through
 * {@link java.util.ServiceLoader}; applications open stores by URL through {@link dev.cairn.core.Cairn}.
 */
package dev.cairn.store.sqlite;
