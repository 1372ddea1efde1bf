package dev.cairn.migrations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import org.junit.jupiter.api.Test;

class TransactionModeTest {

    private static boolean outside(Dialect dialect, int major, String sql) {
        return TransactionMode.outsideTransaction(dialect, major, "V1__x.sql", sql,
                StatementSplitter.forDialect(dialect).split(sql));
    }

    @Test
    void concurrentIndexRunsOutsideATransaction() {
        assertThat(outside(Dialect.POSTGRESQL, 16, "CREATE UNIQUE INDEX CONCURRENTLY i ON t (a);")).isTrue();
    }

    @Test
    void ordinaryDdlRunsInside() {
        assertThat(outside(Dialect.POSTGRESQL, 16, "CREATE INDEX i ON t (a); ALTER TYPE mood ADD VALUE 'x';"))
                .isFalse();
    }

    @Test
    void addingAnEnumValueRunsOutsideBeforePostgres12() {
        assertThat(outside(Dialect.POSTGRESQL, 11, "ALTER TYPE mood ADD VALUE 'x';")).isTrue();
    }

    @Test
    void vacuumRunsOutsideOnSqliteButVacuumIntoDoesNot() {
        assertThat(outside(Dialect.SQLITE, 0, "VACUUM;")).isTrue();
        assertThat(outside(Dialect.SQLITE, 0, "VACUUM INTO 'x.db';")).isFalse();
    }

    @Test
    void declaredHeaderMakesTheWholeFileRunOutside() {
        assertThat(outside(Dialect.H2, 2, "-- cairn:no-transaction\nCREATE TABLE a (id INT);")).isTrue();
    }

    @Test
    void mixingBothKindsIsAnErrorNamingBothStatements() {
        assertThatThrownBy(() -> outside(Dialect.POSTGRESQL, 16,
                "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);"))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("V1__x.sql").hasMessageContaining("statement 2: CREATE INDEX CONCURRENTLY")
                .hasMessageContaining("statement 1: CREATE TABLE t").hasMessageContaining("cairn:no-transaction");
    }
}
