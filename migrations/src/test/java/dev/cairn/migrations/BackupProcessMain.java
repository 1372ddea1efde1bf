package dev.cairn.migrations;

import java.nio.file.Path;

/** A migrator in its own JVM that backs up before it migrates: {@code jdbcUrl folder}. Exits 0 when done. */
public final class BackupProcessMain {

    private BackupProcessMain() {
    }

    public static void main(String[] args) {
        Migrator.builder().jdbcUrl(args[0]).backupPolicy(BackupPolicy.defaults())
                .sets(MigrationSets.directory(Path.of(args[1]), "app", Dialect.SQLITE))
                .build()
                .migrate();
        System.exit(0);
    }
}
