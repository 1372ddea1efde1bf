package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.migrations.MigrateResult;
import dev.cairn.store.jdbc.SqlStoreProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SqliteStoreProvider} as a {@link SqlStoreProvider}: a migrator of the file a URL names. */
final class SqliteProviderMigratorTest {
    @TempDir
    Path folder;

    @Test
    void isTheSqlProviderOfItsScheme() {
        assertThat(CairnConfig.of("sqlite:plan.db").storeProvider()).isInstanceOf(SqliteStoreProvider.class);
        assertThat(new SqliteStoreProvider().dialect().name()).isEqualTo("sqlite");
    }

    @Test
    void migratesTheFileTheUrlNamesSoThatTheStoreOpensItUnderValidate() {
        String url = "sqlite:" + folder.resolve("plan.db");
        MigrateResult result = new SqliteStoreProvider().migrator(CairnConfig.of(url)).build().migrate();

        assertThat(result.applied()).hasSize(2);
        try (Cairn cairn = Cairn.open(url + "?migrate=validate")) {
            assertThat(cairn.roots()).isEmpty();
        }
    }

    @Test
    void migratesAFileGivenByItsPath() {
        Path file = folder.resolve("by-path.db");
        assertThat(new SqliteStoreProvider().migrator(file).build().migrate().applied()).hasSize(2);
        assertThat(new SqliteStoreProvider().migrator(file).build().migrate().applied()).isEmpty();
    }

    @Test
    void refusesADatabaseInMemory() {
        assertThatThrownBy(() -> new SqliteStoreProvider().migrator(CairnConfig.of("sqlite::memory:")))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("sqlite::memory:")
                .hasMessageContaining("Migrate a file");
    }

    @Test
    void refusesAUrlWithoutAFileAndMakesNoFolder() {
        assertThatThrownBy(() -> new SqliteStoreProvider().migrator(CairnConfig.of("sqlite:")))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("name a file");
        new SqliteStoreProvider().migrator(CairnConfig.of("sqlite:" + folder.resolve("a/b/plan.db")));
        assertThat(folder).isEmptyDirectory();
    }
}
