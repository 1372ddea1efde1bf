package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A store URL, on the command line or in {@code ./cairn.yaml}, never has a driver run code: an H2 {@code INIT}
 * that would write a file is refused by name on every path that opens a database, and the file is not written.
 */
final class UnsafeUrlCommandTest {
    @TempDir
    Path folder;

    private Path marker;
    private String url;

    @BeforeEach
    void hostileUrl() {
        marker = folder.resolve("written-by-h2");
        url = "h2:mem:hostile;INIT=CALL FILE_WRITE(STRINGTOUTF8('x'), '" + marker + "')";
    }

    static Stream<List<String>> commands() {
        return Stream.of(List.of("migrate", "info"), List.of("migrate", "up"), List.of("migrate", "dry-run"),
                List.of("migrate", "validate"), List.of("list"), List.of("health"), List.of("init"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anH2InitInTheUrlIsRefusedByNameAndRunsNothing(List<String> command) {
        Cli.Result result = new Cli(folder).run(Stream.concat(Stream.of("--url", url), command.stream())
                .toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("H2 setting 'INIT'");
        assertThat(Files.exists(marker)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anH2InitInCairnYamlIsRefusedByNameAndRunsNothing(List<String> command) throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "url: \"" + url + "\"\n");
        Cli.Result result = new Cli(folder).run(command.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("H2 setting 'INIT'");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void aCopyIntoAnH2UrlThatRunsCodeIsRefused() {
        Cli.Result result = new Cli(folder).run("--url", "memory:", "copy", "--to", url);
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("H2 setting 'INIT'");
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void aPostgresSocketFactoryIsRefusedBeforeAnyConnectionIsTried() {
        // Port 1 has no server: a URL that got past the check would wait for connectTimeout, then fail otherwise.
        Cli.Result result = new Cli(folder).run("--url",
                "postgresql://localhost:1/plan?socketFactory=org.example.Evil&connectTimeout=600000", "migrate", "info");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("PostgreSQL driver property 'socketFactory'");
    }

    @Test
    void aPostgresPropertySmuggledIntoTheDatabaseNameIsRefused() {
        Cli.Result result = new Cli(folder).run("--url",
                "postgresql://localhost:1/plan%3FsocketFactory%3Dorg.example.Evil?connectTimeout=600000", "list");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("PostgreSQL driver property 'socketFactory'");
    }
}
