package dev.cairn.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.store.jdbc.SqlStoreProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link H2StoreProvider} as a {@link SqlStoreProvider}: a migrator of the database a URL names. */
final class H2ProviderMigratorTest {
    @TempDir
    Path folder;

    @Test
    void isTheSqlProviderOfItsScheme() {
        assertThat(CairnConfig.of("h2:mem:x").storeProvider()).isInstanceOf(H2StoreProvider.class);
        assertThat(new H2StoreProvider().dialect().name()).isEqualTo("h2");
    }

    @Test
    void migratesTheFileTheUrlNamesSoThatTheStoreOpensItUnderValidate() {
        String url = "h2:file:" + folder.resolve("plan");
        assertThat(new H2StoreProvider().migrator(CairnConfig.of(url)).build().migrate().applied()).hasSize(2);

        try (Cairn cairn = Cairn.open(url + "?migrate=validate")) {
            assertThat(cairn.roots()).isEmpty();
        }
    }

    @Test
    void refusesASettingThatRunsCodeByName() {
        assertThatThrownBy(() -> new H2StoreProvider().migrator(CairnConfig.of("h2:mem:x;INIT=RUNSCRIPT FROM 'evil'")))
                .isExactlyInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("H2 setting 'INIT'");
    }
}
