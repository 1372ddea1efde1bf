package dev.cairn.cli;

import java.util.function.Supplier;
import picocli.CommandLine;

/** Builds the {@code cairn} command line and runs one command. */
final class CairnCli {
    private CairnCli() {
    }

    /** The command line, its output and errors going where {@code environment} says. */
    static CommandLine commandLine(CliEnvironment environment) {
        CairnCommand root = new CairnCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        for (Supplier<Object> command : CommandRegistry.COMMANDS) {
            commandLine.addSubcommand(command.get());
        }
        Failures failures = new Failures(root);
        commandLine.setOut(environment.out())
                .setErr(environment.err())
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /** Runs the command {@code args} name and returns its exit code; closes the store it opened. */
    static int execute(CliEnvironment environment, String... args) {
        // jOOQ prints a banner and tips on first use unless told not to.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine commandLine = commandLine(environment);
        CairnCommand root = commandLine.getCommand();
        try {
            return commandLine.execute(args);
        } finally {
            try {
                root.closeStore();
            } finally {
                environment.out().flush();
                environment.err().flush();
            }
        }
    }
}
