package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No password from a URL or from cairn.yaml is ever printed, and none is written where others can read it. */
final class SecretsCommandTest {
    private static final String SECRET = "Sekr3tZ9";

    @TempDir
    Path folder;

    static Stream<String> urlsThatFail() {
        // Each fails before or at its first connection, and each once printed its password.
        return Stream.of(
                "postgresql://ana:" + SECRET + "?x@localhost:1/plan?connectTimeout=0",
                "postgresql://ana:" + SECRET + "#x@localhost:1/plan?connectTimeout=0",
                "postgresql:/ana:" + SECRET + "@localhost:1/plan?connectTimeout=0",
                "postgresql://ana:" + SECRET + "@localhost:1/?connectTimeout=0",
                "h2:mem:bad name;PASSWORD=" + SECRET,
                "postgresql://localhost:1/plan?password=" + SECRET + "&connectTimeout=0");
    }

    @ParameterizedTest
    @MethodSource("urlsThatFail")
    void aFailingCommandNeverPrintsThePassword(String url) {
        for (String[] args : new String[][] {{"--url", url, "list"}, {"--url", url, "--stacktrace", "health"},
                {"--url", url, "migrate", "info"}}) {
            Cli.Result result = new Cli(folder).run(args);
            assertThat(result.exitCode()).as(result.toString()).isNotZero();
            assertThat(result.out() + result.err()).as(result.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void aMalformedCairnYamlIsNotQuotedBack() throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "url: 'postgresql://ana:" + SECRET + "@db/plan\nschema: [x\n");
        Cli.Result result = new Cli(folder).run("list");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).as(result.toString()).contains("cairn.yaml is not valid YAML at line")
                .doesNotContain(SECRET);
    }

    /** A PostgreSQL store URL with a password (the test server trusts its clients, so any password works). */
    private static String urlWithPassword() {
        return PostgresServer.cairnUrl(PostgresServer.unusedSchema("secrets")) + "&password=" + SECRET;
    }

    @Test
    void initSaveLeavesThePasswordOutAndSaysWhereToGiveIt() throws IOException {
        Cli.Result result = new Cli(folder).run("--url", urlWithPassword(), "init", "--save");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("CAIRN_PASSWORD").doesNotContain(SECRET);
        assertThat(Files.readString(folder.resolve("cairn.yaml"))).doesNotContain(SECRET).contains("postgresql:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("cairn.yaml"))))
                .as("no password in it, so the user's umask decides").isNotEqualTo("rw-------");
    }

    @Test
    void initSaveWithThePasswordWritesAFileOnlyTheOwnerCanRead() throws IOException {
        Cli.Result result = new Cli(folder).run("--url", urlWithPassword(), "init", "--save", "--save-password");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path file = folder.resolve("cairn.yaml");
        assertThat(Files.readString(file)).contains(SECRET);
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        assertThat(PosixFilePermissions.toString(mode)).isEqualTo("rw-------");
    }

    @Test
    void initSaveNeverWritesThroughALink() throws IOException {
        Path target = Files.writeString(folder.resolve("elsewhere.txt"), "kept\n");
        Files.createSymbolicLink(folder.resolve("cairn.yaml"), target);
        Cli.Result result = new Cli(folder).run("--url", "h2:mem:linked", "init", "--save");
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(Files.readString(target)).isEqualTo("kept\n");
    }

    @Test
    void thePasswordComesFromCairnPasswordWhenTheUrlLeavesItOut() {
        StoreLocator.Located located = StoreLocator.locate("postgresql://ana@db/plan",
                Map.of("CAIRN_PASSWORD", SECRET), folder);
        assertThat(located.config().property("password")).contains(SECRET);
        assertThat(located.config().mask("password " + SECRET + " refused")).doesNotContain(SECRET);
        assertThat(StoreLocator.locate("postgresql://ana:other@db/plan?password=given", Map.of("CAIRN_PASSWORD",
                SECRET), folder).config().property("password")).contains("given");
    }
}
