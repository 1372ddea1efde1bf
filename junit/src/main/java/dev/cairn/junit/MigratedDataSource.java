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
    /**
     * Where the migrations are, as Flyway reads a location.
     *
     * @return {@code classpath:FOLDER} or a folder on disk ({@code filesystem:} optional);
     *         {@code classpath:db/migration} by default
     */
    String location() default "classpath:db/migration";

    /**
     * The database the migrations are applied to.
     *
     * @return {@link Backend#SQLITE} (the default) or {@link Backend#POSTGRESQL}
     */
    Backend backend() default Backend.SQLITE;

    /**
     * Placeholders of the SQL files.
     *
     * @return each placeholder as {@code KEY=VALUE}; none by default
     */
    String[] placeholders() default {};

    /**
     * One database for the whole test class instead of one per test.
     *
     * @return true for one database per class; false by default
     */
    boolean perClass() default false;
}
