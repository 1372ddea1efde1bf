package dev.cairn.store.h2;

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

/** A configuration that does not create a missing store: no {@code .mv.db} file, and an error naming it. */
class H2MissingFileTest {
    @TempDir
    Path folder;

    private static CairnConfig reading(Path path) {
        return CairnConfig.builder("h2:file:" + path).createIfMissing(false).build();
    }

    @Test
    void openingAMissingFileMakesNothing() {
        Path path = folder.resolve("plans").resolve("plan");
        assertThatThrownBy(() -> Cairn.open(reading(path)))
                .isInstanceOfSatisfying(NoSuchStoreException.class,
                        missing -> assertThat(missing.file()).isEqualTo(Path.of(path + ".mv.db")));
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aMigratorOfAMissingFileMakesNothing() {
        Path path = folder.resolve("plan");
        assertThatThrownBy(() -> new H2StoreProvider().migrator(reading(path)))
                .isInstanceOf(NoSuchStoreException.class);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFileThatIsThereOpensAsBefore() {
        Path path = folder.resolve("plan");
        try (Cairn cairn = Cairn.open("h2:file:" + path)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-1"));
        }
        try (Cairn cairn = Cairn.open(reading(path))) {
            assertThat(cairn.get("GOAL-1").title()).isEqualTo("Ship");
        }
    }

    @Test
    void aMemoryDatabaseIsNoFileAndOpensAsBefore() {
        try (Cairn cairn = Cairn.open(CairnConfig.builder("h2:mem:missing-file-test").createIfMissing(false).build())) {
            assertThat(cairn.backend()).isEqualTo("h2");
        }
    }
}
