package dev.cairn.spring;

import dev.cairn.migrations.Migrator;

/**
 * What start-up does with the application's migrations, in place of {@link Migrator#migrate()}: a bean of this type
 * can validate only, baseline first, or skip them (Spring Boot's {@code FlywayMigrationStrategy}). It runs before any
 * JdbcTemplate, JPA or jOOQ bean starts. Implementations are called once, on the thread starting the context.
 *
 * <pre>{@code
 * @Bean
 * CairnMigrationStrategy validateOnly() {
 *     return Migrator::validate;              // production: refuse to start on a database that is behind
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CairnMigrationStrategy {

    /**
     * Migrates, or not, the application's database with {@code migrator}.
     *
     * @param migrator the migrator configured from {@code cairn.migrations.*}, not yet run
     */
    void migrate(Migrator migrator);
}
