package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The import, export, copy and check commands against SQLite files of their own. */
final class SqliteIoCommandsTest extends IoCommandsTest {
    @Override
    String newStoreUrl(Path folder, String name) {
        return "sqlite:" + folder.resolve(name + ".db");
    }

    @Test
    void doctorFixRepairsWhatAnotherToolWrote() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("first.db"));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE cairn_nodes SET progress = 50 WHERE id = 'TSK-PARSER'");
        }
        Cli.Result found = fails(ExitCodes.FAILURE, url, "doctor");
        assertThat(found.out()).contains("repairable  completed_not_100  TSK-PARSER");
        assertThat(found.err()).isEqualTo("cairn: 1 problem found, all repaired by 'cairn doctor --fix'.\n");
        assertThat(ok(url, "doctor", "--fix")).isEqualTo("repaired  TSK-PARSER progress: '50' → '100'\n"
                + "No problems found.\n");
        assertThat(ok(url, "doctor")).isEqualTo("No problems found.\n");
    }
}
