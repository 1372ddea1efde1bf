package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchStoreException;
import dev.cairn.core.NodeDraft;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that does not create a missing store: no file, no folder, and an error naming the file. */
class SqliteMissingFileTest {
    @TempDir
    Path folder;

    private static CairnConfig reading(Path file) {
        return CairnConfig.builder("sqlite:" + file).createIfMissing(false).build();
    }

    @Test
    void openingAMissingFileMakesNeitherItNorItsFolder() {
        Path file = folder.resolve("plans").resolve("plan.db");
        assertThatThrownBy(() -> Cairn.open(reading(file)))
                .isInstanceOfSatisfying(NoSuchStoreException.class, missing -> assertThat(missing.file()).isEqualTo(file))
                .hasMessage("No store at " + file + " (url=sqlite:" + file + "): the file does not exist, and this "
                        + "configuration does not create one.");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aMigratorOfAMissingFileMakesNothing() {
        Path file = folder.resolve("plan.db");
        assertThatThrownBy(() -> new SqliteStoreProvider().migrator(reading(file)))
                .isInstanceOf(NoSuchStoreException.class);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFileThatIsThereOpensAsBefore() {
        Path file = folder.resolve("plan.db");
        try (Cairn cairn = Cairn.open("sqlite:" + file)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }
        try (Cairn cairn = Cairn.open(reading(file))) {
            assertThat(cairn.get("GOAL-1").title()).isEqualTo("Ship");
        }
        assertThat(new SqliteStoreProvider().migrator(reading(file))).isNotNull();
    }

    @Test
    void aConfigurationCreatesByDefaultAndKeepsTheChoiceThroughItsBuilder() {
        assertThat(CairnConfig.of("sqlite:plan.db").createIfMissing()).isTrue();
        CairnConfig reading = reading(folder.resolve("plan.db"));
        assertThat(reading.toBuilder().actor("ana").build().createIfMissing()).isFalse();
        assertThat(reading.toBuilder().createIfMissing(true).build().createIfMissing()).isTrue();
    }
}
