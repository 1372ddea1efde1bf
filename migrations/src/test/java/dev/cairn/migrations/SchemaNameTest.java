package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.test.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A schema to migrate is an identifier of the user's own, checked before anything reaches the database. */
final class SchemaNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\";DROP SCHEMA victim CASCADE;--", "tenant 1", "1tenant", "", "tenant\u001b[2J",
            "a_name_that_is_far_too_long_for_postgresql_which_keeps_sixty_three"})
    void aNameThatIsNoPlainIdentifierIsRefused(String name) {
        assertThatThrownBy(() -> Migrator.builder().schema(name))
                .isInstanceOf(MigrationConfigurationException.class)
                .hasMessageContaining("Invalid schema name")
                .hasMessageNotContaining("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"information_schema", "pg_catalog", "PG_TOAST", "pg_temp_3"})
    void aSystemSchemaIsRefused(String name) {
        assertThatThrownBy(() -> Migrator.builder().schema(name))
                .isInstanceOf(MigrationConfigurationException.class).hasMessageContaining("system schema");
    }

    @Test
    void plainNamesPass() {
        assertThatCode(() -> Migrator.builder().schema("tenant_42").schema("Plan").schema("_x$1").schema("größe"))
                .doesNotThrowAnyException();
    }

    @Test
    void theHostileNameCreatesNoSchemaOnARealServer() throws Exception {
        String hostile = "a\";DROP SCHEMA victim CASCADE;--";
        assertThatThrownBy(() -> Migrator.builder().jdbcUrl(PostgresServer.jdbcUrl()).schema(hostile).build().migrate())
                .isInstanceOf(MigrationConfigurationException.class);
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'a\"%'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }
}
