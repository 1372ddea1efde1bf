package dev.cairn.cli;

/**
 * The {@code cairn} command: {@code java -jar cairn.jar COMMAND [OPTIONS]}. Runs one command and exits with
 * its exit code (0 success, 1 failure, 2 usage, 3 not found, 4 conflict or invalid input). Not meant to be
 * called from other code: {@link #main} ends the JVM. Not thread-safe: one command a process.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command that {@code args} name, then ends the JVM with its exit code.
     *
     * @param args the command line, as {@code cairn --help} describes it
     */
    public static void main(String[] args) {
        System.exit(CairnCli.execute(CliEnvironment.system(), args));
    }
}
