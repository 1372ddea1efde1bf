package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Driver settings that run code, load classes or write files never reach a driver from a URL. */
final class DriverSettingsTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'x.sql'",
            "jdbc:h2:mem:x;init=CALL FILE_WRITE('x', 'y')",
            "jdbc:h2:mem:x;MODE=PostgreSQL; INIT =CREATE ALIAS EXEC FOR \"java.lang.Runtime.exec\"",
            "jdbc:h2:file:/tmp/x;TRACE_LEVEL_FILE=3",
            "jdbc:h2:mem:x;JAVA_OBJECT_SERIALIZER=com.example.Evil",
            "jdbc:h2:mem:x;IGNORE_UNKNOWN_SETTINGS=TRUE",
            "jdbc:h2:mem:x;RUNSCRIPT"})
    void anH2SettingOffTheAllowListIsRefusedByName(String url) {
        String setting = url.substring(url.lastIndexOf(';') + 1).split("=")[0].trim().toUpperCase();
        assertThatThrownBy(() -> DriverSettings.check(url, Map.of()))
                .isInstanceOf(UnsafeDriverSettingException.class)
                .hasMessageContaining("H2 setting '" + setting + "'")
                .hasMessageContaining("DataSource of your own")
                .hasMessageNotContaining("FILE_WRITE").hasMessageNotContaining("x.sql");
    }

    @Test
    void anH2PropertyBesideTheUrlIsCheckedToo() {
        assertThatThrownBy(() -> DriverSettings.check("jdbc:h2:mem:x", Map.of("INIT", "RUNSCRIPT FROM 'x'")))
                .isInstanceOf(UnsafeDriverSettingException.class).hasMessageContaining("'INIT'");
    }

    @Test
    void everydayH2SettingsPass() {
        assertThatCode(() -> DriverSettings.check(
                "jdbc:h2:file:/tmp/plan;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000;AUTO_SERVER=TRUE;"
                        + "user=sa;PASSWORD=secret;", Map.of("user", "sa", "password", "pw")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRefusedH2SettingNeverEchoesAPasswordBesideIt() {
        assertThatThrownBy(() -> DriverSettings.check("jdbc:h2:mem:x;PASSWORD=hunter2;INIT=x", Map.of()))
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://db/plan?socketFactory=org.example.Evil&socketFactoryArg=http://x/y.xml",
            "jdbc:postgresql://db/plan?sslfactory=org.example.Evil",
            "jdbc:postgresql://db/plan?ssl=true&sslhostnameverifier=org.example.Evil",
            "jdbc:postgresql://db/plan?loggerFile=/home/user/.bashrc",
            "jdbc:postgresql://db/plan?authenticationPluginClassName=org.example.Evil",
            "jdbc:postgresql://db/plan?sslpasswordcallback=org.example.Evil",
            "jdbc:postgresql://db/plan?SOCKETFACTORY=org.example.Evil",
            "jdbc:postgresql://db/plan?socket%46actory=org.example.Evil"})
    void aPgjdbcPropertyThatNamesAClassOrAFileToWriteIsRefused(String url) {
        assertThatThrownBy(() -> DriverSettings.check(url, Map.of()))
                .isInstanceOf(UnsafeDriverSettingException.class)
                .hasMessageContaining("PostgreSQL driver property")
                .hasMessageNotContaining("org.example.Evil");
    }

    @Test
    void aPgjdbcPropertyBesideTheUrlIsCheckedToo() {
        assertThatThrownBy(() -> DriverSettings.check("jdbc:postgresql://db/plan",
                Map.of("sslmode", "require", "socketFactory", "org.example.Evil")))
                .isInstanceOf(UnsafeDriverSettingException.class).hasMessageContaining("'socketFactory'");
    }

    @Test
    void everydayPgjdbcPropertiesPass() {
        assertThatCode(() -> DriverSettings.check("jdbc:postgresql://db:5432/plan?sslmode=verify-full"
                        + "&sslrootcert=/etc/ssl/ca.pem&ApplicationName=app&currentSchema=tenant",
                Map.of("user", "app", "password", "pw", "prepareThreshold", "0", "reWriteBatchedInserts", "true")))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:sqlite:plan.db?enable_load_extension=true",
            "jdbc:sqlite:plan.db?journal_mode=WAL&ENABLE_LOAD_EXTENSION=1",
            "jdbc:sqlite:plan.db?temp_store_directory=/etc"})
    void aSqlitePropertyThatLoadsCodeOrNamesAFolderIsRefused(String url) {
        assertThatThrownBy(() -> DriverSettings.check(url, Map.of()))
                .isInstanceOf(UnsafeDriverSettingException.class).hasMessageContaining("SQLite driver property");
    }

    @Test
    void aSqliteDatabaseReadFromAWebAddressIsRefused() {
        assertThatThrownBy(() -> DriverSettings.check("jdbc:sqlite::resource:http://example.com/plan.db", Map.of()))
                .isInstanceOf(UnsafeDriverSettingException.class).hasMessageContaining(":resource:");
    }

    @Test
    void theEnginesJavaApiRefusesAnH2UrlThatWouldRunCodeAndRunsNothing() {
        Path marker = folder.resolve("written-by-h2");
        String url = "jdbc:h2:mem:driver-settings;INIT=CALL FILE_WRITE(STRINGTOUTF8('x'), '"
                + marker.toString().replace("'", "''") + "')";
        assertThatThrownBy(() -> Migrator.builder().jdbcUrl(url))
                .isInstanceOf(UnsafeDriverSettingException.class).hasMessageContaining("'INIT'");
        assertThatThrownBy(() -> Migrator.builder().jdbcUrl(url, "sa", ""))
                .isInstanceOf(UnsafeDriverSettingException.class);
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void theH2UrlTheGuardRefusesWouldReallyHaveWrittenTheFile() throws Exception {
        // The control for the test above: the same URL given to the driver directly writes the file.
        Path marker = folder.resolve("written-by-h2");
        String url = "jdbc:h2:mem:driver-settings-control;INIT=CALL FILE_WRITE(STRINGTOUTF8('x'), '"
                + marker.toString().replace("'", "''") + "')";
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(Files.exists(marker)).isTrue();
    }
}
