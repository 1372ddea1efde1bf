package dev.cairn.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code cairn completion}: the bash (and zsh) completion script. */
@Command(name = "completion",
        description = "Prints a completion script for bash and zsh: commands, options, layers, statuses.",
        footerHeading = "%nExamples:%n",
        footer = {"  cairn completion > /etc/bash_completion.d/cairn", "  source <(cairn completion)"})
final class CompletionCommand extends CliCommand {
    @Override
    int run() {
        output().out().print(AutoComplete.bash("cairn", spec.root().commandLine()));
        return ExitCodes.OK;
    }
}
