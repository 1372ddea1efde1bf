/**
 * Cairn's schema migration engine: versioned SQL and Java migrations per module, one history table,
 * checksums, locking that cannot go stale, and backups of SQLite files.
 *
 * <p>Start with {@link dev.cairn.migrations.Migrator#builder()}. Migration sets are found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.cairn.migrations.MigrationSet}) or given
 * explicitly; {@link dev.cairn.migrations.MigrationSets} loads Flyway-named folders. The
 * {@link dev.cairn.migrations.MigrationSet} and {@link dev.cairn.migrations.JavaMigration} interfaces are
 * the SPI and are stable within a major version. Everything in {@code dev.cairn.migrations.internal} is no
 * API and may change in any release.
 */
package dev.cairn.migrations;
