/**
 * The shared SQL implementation of Cairn's store SPI, on jOOQ: one {@link dev.cairn.store.jdbc.JdbcStore}
 * for every SQL backend, the differences between databases behind the hooks of
 * {@link dev.cairn.store.jdbc.JdbcDialect}, which each backend module implements for its database.
 *
 * <p>For backend modules (SQLite, H2, PostgreSQL), not for applications, which open stores by URL through
 * {@link dev.cairn.core.Cairn}. Evolving until 1.0. No jOOQ or Jackson type appears in this package's public
 * API.
 *
 * <p>A backend module for another SQL database holds, in a package of its own:
 * <ol>
 *   <li>a {@link dev.cairn.store.jdbc.JdbcDialect} subclass, overriding the hooks where the database departs
 *       from plain JDBC and standard SQLSTATEs;</li>
 *   <li>a {@link dev.cairn.migrations.MigrationSet} of its schema, registered in
 *       {@code META-INF/services/dev.cairn.migrations.MigrationSet};</li>
 *   <li>a {@link dev.cairn.store.jdbc.SqlStoreProvider} that opens a {@link dev.cairn.store.jdbc.JdbcStore}
 *       with that dialect and set and gives a migrator of the same database, registered in
 *       {@code META-INF/services/dev.cairn.core.spi.StoreProvider};</li>
 *   <li>a test that extends the contract suites of {@code cairn-store-tck}.</li>
 * </ol>
 * Nothing here changes; the migration engine must know the database's {@link dev.cairn.migrations.Dialect}.
 */
package dev.cairn.store.jdbc;
