package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line gives picocli only the command named, and every command where help, version or a misspelt
 * name needs them all.
 */
final class CommandNameTest {
    @Test
    void findsTheNameAfterTheRootsOptions() {
        assertThat(CairnCli.commandName("--url", "sqlite:plan.db", "list", "--layer", "task")).isEqualTo("list");
        assertThat(CairnCli.commandName("--format=json", "--url=memory:", "tree")).isEqualTo("tree");
        assertThat(CairnCli.commandName("--format", "json", "--stacktrace", "show", "TSK-X")).isEqualTo("show");
        assertThat(CairnCli.commandName("-x", "summary")).isEqualTo("summary");
        assertThat(CairnCli.commandName("--help")).isNull();
        assertThat(CairnCli.commandName("-V", "list")).isNull();
        assertThat(CairnCli.commandName()).isNull();
    }

    @Test
    void aMisspeltCommandIsStillAnsweredWithTheCommandsItMayMean() {
        Cli.Result result = new Cli(Path.of("target")).run("--url", "memory:", "lsit");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("lsit").contains("Did you mean: cairn ");
    }

    @Test
    void aCommandsHelpAndTheCompletionScriptWorkWithOnlyWhatTheyNeed() {
        Cli cli = new Cli(Path.of("target"));
        assertThat(cli.run("list", "--help").out()).contains("--layer=LAYER");
        assertThat(cli.run("completion").out()).contains("migrate").contains("history").contains("unlink");
        assertThat(cli.run("label", "remove", "--help").out()).contains("not found (exit 3)");
    }
}
