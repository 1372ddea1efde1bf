package dev.cairn.cli;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code cairn}: the options every command takes, and the store they share, opened on first use and
 * closed when the command is done. Its subcommands are listed in {@link CommandRegistry}. Not thread-safe:
 * one instance serves one run.
 */
@Command(name = "cairn",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Keeps a layered plan, Goal -> Concept -> ... -> Task -> SubTask -> Command, in a store: SQLite, "
                    + "PostgreSQL, H2 or memory.",
            "",
            "The store is --url, else $CAIRN_URL, else url: in ./cairn.yaml, else sqlite:cairn.db."},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (the store cannot be opened, a migration failed, a copy differs, doctor found problems, a "
                    + "Command run failed, ...)",
            "2:usage: an unknown command or option, a missing or malformed argument",
            "3:not found: no node with the id given, no link or label to remove, no store at the path given",
            "4:conflict or invalid input: a value breaks a rule, the id exists, the link is not allowed, the "
                    + "status cannot move so, the node changed, the node has children, an import has problems, a "
                    + "Command is being run by another runner"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  cairn demo",
            "  cairn add goal Ship 1.0 --id GOAL-SHIP",
            "  cairn add task Write the parser --parent GOAL-SHIP --owner ana",
            "  cairn --url postgresql://db.example/plan tree --format json",
            "",
            "Run 'cairn COMMAND --help' for a command's options and examples."})
final class CairnCommand implements Runnable {
    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL", order = 100,
            description = "The store, such as sqlite:plan.db, postgresql://host/db?schema=s, h2:file:plan, memory:."
                    + " Default: $CAIRN_URL, else ./cairn.yaml, else sqlite:cairn.db.")
    String url;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "FORMAT", order = 101,
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Names.class,
            description = "text (for people, the default), json or yaml (for scripts).")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, order = 102,
            description = "Also log what Cairn does to standard error: the store opened, each migration applied.")
    void verbose(boolean verbose) {
        if (verbose) {
            CliLogging.verbose();
        }
    }

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, hidden = true,
            description = "Print the stack trace of a failure.")
    boolean stacktrace;

    @Spec
    CommandSpec spec;

    private final CliEnvironment environment;
    private StoreLocator.Located located;
    private Cairn cairn;
    private Output output;

    CairnCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command, such as 'cairn demo' or 'cairn list'");
    }

    CliEnvironment environment() {
        return environment;
    }

    /** Where the store is, as the options, the environment and the working folder say. */
    /** {@code text} with the secrets of the store's configuration masked, once it has been located. */
    String mask(String text) {
        return located == null ? text : located.config().mask(text);
    }

    StoreLocator.Located located() {
        if (located == null) {
            located = StoreLocator.locate(url, environment.variables(), environment.workingDir());
        }
        return located;
    }

    /** The store's configuration; one that makes no missing file unless {@code creates}. */
    CairnConfig config(boolean creates) {
        CairnConfig config = located().config();
        return creates ? config : config.toBuilder().createIfMissing(false).build();
    }

    /** The store, opened on first use; a missing file is made only when {@code creates}. */
    Cairn cairn(boolean creates) {
        if (cairn == null) {
            cairn = Cairn.open(config(creates));
        }
        return cairn;
    }

    Output output() {
        if (output == null) {
            output = new Output(environment.out(), format);
        }
        return output;
    }

    /** Closes the store if a command opened it. */
    void closeStore() {
        if (cairn != null) {
            Cairn opened = cairn;
            cairn = null;
            opened.close();
        }
    }
}
