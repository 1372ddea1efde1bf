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
        // jOOQ logs a banner and tips at INFO on first use unless told not to: not what --verbose is for. The
        // command line is the application here, so it may set them; the library modules do not.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine commandLine = commandLine(environment);
        CairnCommand root = commandLine.getCommand();
        CliLogging.start(environment.err(), false);
        try {
            return commandLine.execute(args);
        } finally {
            try {
                root.closeStore();
            } finally {
                CliLogging.stop();
                environment.out().flush();
                environment.err().flush();
            }
        }
    }
}
