package dev.cairn.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link javax.sql.DataSource} field or parameter the extension fills with a fresh database whose
 * {@link #location()}'s migrations are applied by Cairn's migration engine, for teams that use the engine alone.
 * An instance field or a test method's parameter gets a database per test; a static field, a {@code @BeforeAll}
 * parameter, or any injection point with {@link #perClass()} one per test class. Removed afterwards.
 *
 * <pre>{@code
 * @ExtendWith(CairnExtension.class)
 * class RepositoryTest {
 *     @MigratedDataSource(location = "classpath:db/migration", backend = Backend.POSTGRESQL)
 *     DataSource dataSource;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface MigratedDataSource {
    /** {@code classpath:FOLDER} or a folder on disk ({@code filesystem:} optional), as Flyway reads a location. */
    String location() default "classpath:db/migration";

    /** {@link Backend#SQLITE} or {@link Backend#POSTGRESQL}. */
    Backend backend() default Backend.SQLITE;

    /** Placeholders of the SQL files, each {@code KEY=VALUE}. */
    String[] placeholders() default {};

    /** One database for the whole test class instead of one per test. */
    boolean perClass() default false;
}
