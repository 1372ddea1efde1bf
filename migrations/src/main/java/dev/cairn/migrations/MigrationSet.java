package dev.cairn.migrations;

import java.util.List;
import java.util.Set;

/**
 * The service interface a library implements to ship its migrations, registered in
 * {@code META-INF/services/dev.cairn.migrations.MigrationSet}: one module, one dialect, migrations in
 * order, and the modules whose migrations must run first. Implementations must be thread-safe and should
 * list their resources explicitly (no classpath scanning), for example with
 * {@link MigrationSets#classpath(ClassLoader, String, String, Dialect, String...)}.
 */
public interface MigrationSet {

    /**
     * The module name; versions are counted per module.
     *
     * @return the name, such as {@code cairn-core} or {@code app}
     */
    String module();

    /**
     * The database these migrations are written for.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * The versioned migrations.
     *
     * @return the migrations, in any order; the engine orders them by version
     */
    List<Migration> migrations();

    /**
     * Repeatable migrations ({@code R__name.sql}), applied after the versioned ones when they changed.
     *
     * @return the repeatable migrations; none unless overridden
     */
    default List<RepeatableMigration> repeatables() {
        return List.of();
    }

    /**
     * Callback files ({@code beforeMigrate.sql}, …), run at their events.
     *
     * @return the callback files; none unless overridden
     */
    default List<SqlCallback> callbacks() {
        return List.of();
    }

    /**
     * Modules whose migrations must be applied before this one's.
     *
     * @return the module names; none unless overridden
     */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /**
     * A set made of the given values.
     *
     * @param module     the module name
     * @param dialect    the database the migrations are written for
     * @param migrations the versioned migrations, in any order
     * @param dependsOn  the modules whose migrations must be applied first
     * @return an immutable set
     */
    static MigrationSet of(String module, Dialect dialect, List<? extends Migration> migrations,
                           Set<String> dependsOn) {
        return new SimpleMigrationSet(module, dialect, List.copyOf(migrations), Set.copyOf(dependsOn));
    }

    /**
     * A set made of the given values, depending on no other module.
     *
     * @param module     the module name
     * @param dialect    the database the migrations are written for
     * @param migrations the versioned migrations, in any order
     * @return an immutable set
     */
    static MigrationSet of(String module, Dialect dialect, List<? extends Migration> migrations) {
        return of(module, dialect, migrations, Set.of());
    }
}
