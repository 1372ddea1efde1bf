package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationSetsTest {
    @TempDir
    Path temp;

    @Test
    void directoryPairsUndoFilesAndParsesVersionsAndDescriptions() {
        TestFiles.write(temp, "V1__init.sql", "SELECT 1;");
        TestFiles.write(temp, "U1__init.sql", "SELECT 0;");
        TestFiles.write(temp, "V1_2__add_index.sql", "SELECT 2;");
        TestFiles.write(temp, ".gitkeep", "");

        List<Migration> migrations = MigrationSets.directory(temp, "app", Dialect.SQLITE).migrations();

        assertThat(migrations).extracting(migration -> migration.version() + " " + migration.description())
                .containsExactlyInAnyOrder("1 init", "1.2 add index");
        assertThat(migrations).filteredOn(migration -> migration.version().toString().equals("1"))
                .singleElement().extracting(migration -> ((SqlMigration) migration).undoSql()).isEqualTo("SELECT 0;");
    }

    @Test
    void fileNameThatDoesNotParseIsAnErrorNamingTheFile() {
        TestFiles.write(temp, "V1__init.sql", "SELECT 1;");
        TestFiles.write(temp, "V2_oops.sql", "SELECT 2;");

        assertThatThrownBy(() -> MigrationSets.directory(temp, "app", Dialect.SQLITE))
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("'V2_oops.sql'");
    }

    @Test
    void undoWithoutMigrationIsAnError() {
        TestFiles.write(temp, "U3__gone.sql", "SELECT 1;");

        assertThatThrownBy(() -> MigrationSets.directory(temp, "app", Dialect.SQLITE))
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("U3__gone.sql");
    }

    @Test
    void classpathFolderReadsListedFilesAndTheIndex() {
        ClassLoader loader = getClass().getClassLoader();

        MigrationSet listed = MigrationSets.classpath(loader, "db/classpath", "cp", Dialect.H2, "V1__first.sql");
        MigrationSet indexed = MigrationSets.classpath(loader, "db/classpath", "cp", Dialect.H2);

        assertThat(listed.migrations()).extracting(Migration::script).containsExactly("V1__first.sql");
        assertThat(indexed.migrations()).extracting(Migration::script)
                .containsExactly("V1__first.sql", "V2__second.sql");
    }

    @Test
    void registeredSetsComeFromServiceLoaderAndAreCachedPerClassLoader() {
        List<MigrationSet> sets = MigrationSets.registered(getClass().getClassLoader());

        assertThat(sets).extracting(MigrationSet::module).contains("registered-sample");
        assertThat(MigrationSets.registered(getClass().getClassLoader()).get(0)).isSameAs(sets.get(0));
    }

    @Test
    void registeredSetsForTheDetectedDialectAreUsedWhenNoneAreGiven() {
        MigrateResult result = Migrator.builder().jdbcUrl("jdbc:h2:mem:registered;DB_CLOSE_DELAY=-1")
                .classLoader(getClass().getClassLoader()).build().migrate();

        assertThat(result.applied()).extracting(ExecutedMigration::module).containsOnly("registered-sample");
        assertThat(result.applied()).hasSize(2);
    }

    @Test
    void versionsCompareNumericallyAndIgnoreTrailingZeros() {
        assertThat(MigrationVersion.parse("1.10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
        assertThat(MigrationVersion.parse("2_1")).hasToString("2.1");
        assertThatThrownBy(() -> MigrationVersion.parse("1.x")).isInstanceOf(MigrationConfigurationException.class);
    }
}
