package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help, version and completion. */
final class HelpTest {
    private final Cli cli = new Cli(Path.of("target"));

    @Test
    void everyCommandsHelpShowsAnExample() {
        CommandLine commandLine = CairnCli.commandLine(new CliEnvironment(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), null, Map.of(), Path.of("."), false));
        assertHelpHasExamples(commandLine);
    }

    private void assertHelpHasExamples(CommandLine commandLine) {
        String usage = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertThat(usage).as(commandLine.getCommandSpec().qualifiedName()).containsPattern("Examples?:\n  cairn ");
        commandLine.getSubcommands().values().forEach(this::assertHelpHasExamples);
    }

    @Test
    void helpListsTheCommandsTheUrlOrderAndTheExitCodes() {
        Cli.Result result = cli.run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Commands:").contains("migrate").contains("  run ").contains("  runs ")
                .contains("$CAIRN_URL")
                .contains("Exit codes:").contains("3   not found");
        assertThat(cli.run("list", "--help").out()).contains("--layer=LAYER").contains("--all-labels");
    }

    @Test
    void versionComesFromTheBuild() {
        Cli.Result result = cli.run("--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("cairn \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = cli.run();
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Name a command");
    }

    @Test
    void anUnknownCommandSuggestsOne() {
        Cli.Result result = cli.run("lsit");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("cairn: Unmatched argument").contains("'lsit'").contains("Did you mean");
    }

    @Test
    void completionPrintsABashScriptWithEveryCommand() {
        Cli.Result result = cli.run("completion");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F").contains("migrate").contains("in_progress")
                .contains("--move-status").contains("--dry-run");
    }
}
