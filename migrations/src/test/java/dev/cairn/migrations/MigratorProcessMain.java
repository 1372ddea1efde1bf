package dev.cairn.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A second migrator in its own JVM: {@code url dialect folder sleepMillis [schema]}, and with a schema, as behind a
 * transaction-pooling proxy ({@link Migrator.Builder#transactionPooling}). Prints {@code APPLIED n} when done, or
 * the error and exits with 1.
 */
public final class MigratorProcessMain {

    private MigratorProcessMain() {
    }

    public static void main(String[] args) {
        Dialect dialect = Dialect.valueOf(args[1]);
        try {
            Migrator.Builder builder = Migrator.builder();
            if (args.length > 4) {
                builder.schema(args[4]).transactionPooling(true);
            }
            MigrateResult result = builder.jdbcUrl(args[0])
                    .sets(processSet(Path.of(args[2]), dialect, Long.parseLong(args[3])))
                    .backupPolicy(BackupPolicy.off())
                    .lockTimeout(Duration.ofSeconds(60))
                    .build()
                    .migrate();
            System.out.println("APPLIED " + result.applied().size());
            System.exit(0);
        } catch (RuntimeException failure) {
            failure.printStackTrace(System.out);
            System.exit(1);
        }
    }

    static MigrationSet processSet(Path folder, Dialect dialect, long sleepMillis) {
        List<Migration> migrations = new java.util.ArrayList<>(
                MigrationSets.directory(folder, "app", dialect).migrations());
        migrations.add(new SlowJavaMigration(sleepMillis));
        return MigrationSet.of("app", dialect, migrations);
    }
}
