package dev.cairn.migrations;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A migrator of one folder in its own JVM, for tests that kill it: {@code jdbcUrl folder dialect backup}, where
 * {@code backup} is {@code on} or {@code off}. Exits 0 when done.
 */
public final class FolderMigratorMain {

    private FolderMigratorMain() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.valueOf(args[2]);
        Migrator.builder().jdbcUrl(args[0])
                .backupPolicy(args[3].equals("on") ? BackupPolicy.defaults() : BackupPolicy.off())
                .sets(MigrationSets.directory(Path.of(args[1]), "app", dialect))
                .build()
                .migrate();
        System.exit(0);
    }

    /** Starts it with this JVM's class path, its output discarded. */
    static Process start(String jdbcUrl, Path folder, Dialect dialect, boolean backup) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                FolderMigratorMain.class.getName(), jdbcUrl, folder.toString(), dialect.name(), backup ? "on" : "off")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
