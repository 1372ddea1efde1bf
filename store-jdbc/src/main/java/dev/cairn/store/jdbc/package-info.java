/**
 * The shared SQL implementation of Cairn's store SPI, on jOOQ: one {@link dev.cairn.store.jdbc.JdbcStore}
 * for every SQL backend, the differences between databases behind the hooks of
 * {@link dev.cairn.store.jdbc.JdbcDialect}, which each backend module implements for its database.
 *
 * <p>For backend modules (SQLite, H2, PostgreSQL), not for applications, which open stores by URL through
 * {@link dev.cairn.core.Cairn}. Evolving until 1.0. No jOOQ or Jackson type appears in this package's public
 * API.
 */
package dev.cairn.store.jdbc;
