/**
 * The engine's implementation: public only so that {@code dev.cairn.migrations} can reach it. No API; it
 * may change in any release. Nothing here is meant to be implemented by users or libraries: the SPI is
 * {@link dev.cairn.migrations.MigrationSet} and {@link dev.cairn.migrations.JavaMigration}.
 */
package dev.cairn.migrations.internal;
