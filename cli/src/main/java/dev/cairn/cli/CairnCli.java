package dev.cairn.cli;

import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Builds the {@code cairn} command line and runs one command. */
final class CairnCli {
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private CairnCli() {
    }

    /** The command line with every command, its output and errors going where {@code environment} says. */
    static CommandLine commandLine(CliEnvironment environment) {
        return commandLine(environment, null);
    }

    /**
     * The command line, with only the command named {@code name} when that is one (picocli reads the annotations
     * of each command it is given, which costs more than the run of a short command), else with every command,
     * for help, completion and the suggestions an unknown name gets.
     */
    private static CommandLine commandLine(CliEnvironment environment, String name) {
        CairnCommand root = new CairnCommand(environment);
        CommandLine commandLine = new CommandLine(root);
        Object only = name == null ? null : CommandRegistry.COMMANDS.stream()
                .map(Supplier::get)
                .filter(command -> command.getClass().getAnnotation(Command.class).name().equals(name))
                .findFirst()
                .orElse(null);
        if (only != null && !name.equals("completion")) {
            commandLine.addSubcommand(only);
        } else {
            for (Supplier<Object> command : CommandRegistry.COMMANDS) {
                commandLine.addSubcommand(command.get());
            }
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
        CommandLine commandLine = commandLine(environment, commandName(args));
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

    /**
     * The first argument that is not an option, which picocli takes as the command's name; null after help or
     * version, which list every command. An option that takes a value is skipped with it; should a value be taken
     * for the name, it names no command and every command is given.
     */
    static String commandName(String... args) {
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (arg.equals("--url") || arg.equals("--format")) {
                index++;
            } else if (HELP.contains(arg)) {
                return null;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}
