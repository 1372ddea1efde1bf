package dev.cairn.migrations.internal;

import dev.cairn.migrations.JavaMigration;
import dev.cairn.migrations.Migration;
import dev.cairn.migrations.RepeatableMigration;
import dev.cairn.migrations.SqlMigration;

/**
 * A local migration with its module and checksum. Immutable and thread-safe.
 *
 * @param module the module
 * @param migration the migration
 * @param checksum its checksum, or null (a Java migration without one)
 */
public record ResolvedMigration(String module, Migration migration, String checksum) {

    public static ResolvedMigration of(String module, Migration migration) {
        String checksum = migration instanceof SqlMigration sql ? Checksums.of(sql.sql())
                : migration instanceof RepeatableMigration repeatable ? Checksums.of(repeatable.sql())
                : ((JavaMigration) migration).checksum();
        return new ResolvedMigration(module, migration, checksum);
    }

    public String type() {
        return migration instanceof SqlMigration ? HistoryRow.TYPE_SQL
                : migration instanceof RepeatableMigration ? HistoryRow.TYPE_REPEATABLE : HistoryRow.TYPE_JAVA;
    }

    public String checksumAlgorithm() {
        if (checksum == null) {
            return null;
        }
        return migration instanceof JavaMigration ? "java" : Checksums.ALGORITHM;
    }

    public String label() {
        return migration.script() + " (module '" + module + "', " + (migration.version() == null ? "repeatable"
                : "version " + migration.version()) + ")";
    }
}
